using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>The option lists of the admin forms, in the page's language.</summary>
public static class AdminChoices
{
    public static IReadOnlyList<(string Value, string Label)> Procedures => Labels.SituationOrder.Select(p => (p, Labels.Situation(p))).ToList();

    public static IReadOnlyList<(string Value, string Label)> Applicants => Rules.Model.Applicants.All.Select(a => (a, Labels.Applicant(a))).ToList();

    public static IReadOnlyList<(string Value, string Label)> Days => AdminInputs.DayOrder.Select(d => (d, HoursValidator.DayName(d))).ToList();

    public static IReadOnlyList<(string Value, string Label)> Reservation =>
    [
        (ReservationPolicies.NotStated, AdminConsoleText.ReservationNotStated),
        (ReservationPolicies.Required, AdminConsoleText.ReservationRequired),
        (ReservationPolicies.NotRequired, AdminConsoleText.ReservationNotRequired),
    ];

    public static IReadOnlyList<(string Value, string Label)> ClosureKinds =>
    [
        ("", AdminConsoleText.ClosureChoose),
        ("national-holidays", AdminConsoleText.ClosureHolidays),
        ("year-end", AdminConsoleText.ClosureYearEnd),
        ("maintenance-sunday", AdminConsoleText.ClosureMaintenance),
        ("weekdays", AdminConsoleText.ClosureWeekdays),
        ("nth-weekday", AdminConsoleText.ClosureNthWeekday),
        ("dates", AdminConsoleText.ClosureDates),
    ];

    public static IReadOnlyList<(string Value, string Label)> Subjects =>
        [(IdSubjects.Holder, AdminConsoleText.SubjectHolder), (IdSubjects.Agent, AdminConsoleText.SubjectAgent)];

    public static IReadOnlyList<(string Value, string Label)> Categories => [("A", AdminConsoleText.CategoryA), ("B", AdminConsoleText.CategoryB)];
}

/// <summary>Times in the admin pages: Japan time, minutes.</summary>
public static class AdminTime
{
    public static string Text(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, MyNumberPortal.Web.Infrastructure.PortalClock.Japan).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset? at) => at is { } value ? Text(value) : "";
}
