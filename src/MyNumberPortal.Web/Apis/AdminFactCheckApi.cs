using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.FactCheck;
using MyNumberPortal.Web.Admin;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Apis;

/// <summary>
/// The fact-check table as a CSV download (docs/admin.md): <c>/staff/{code}/admin/fact-check.csv?date=yyyy-MM-dd</c>,
/// for an admin of the municipality. UTF-8 with a byte order mark (so that Excel in Japan reads it as UTF-8), a
/// header row, one row per case, RFC 4180 quoting; the words in the language of the request (lang cookie or ?lang=).
/// </summary>
public static class AdminFactCheckApi
{
    public const string CsvRoute = "/staff/{code}/admin/fact-check.csv";

    public const string ContentType = "text/csv; charset=utf-8";

    public static string CsvUrl(string code) => $"/staff/{code}/admin/fact-check.csv";

    public static IEndpointRouteBuilder MapAdminFactCheckApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvRoute, DownloadCsv)
            .RequireAuthorization(StaffPolicies.MunicipalityAdmin)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadCsv(string code, HttpContext context, RuleCatalogAccessor catalog, PortalClock clock, MyNumberPortal.Data.Publishing.RuleSetDrafts drafts)
    {
        var date = clock.Today;
        var query = context.Request.Query["date"];
        if (query.Count > 0)
        {
            if (query.Count > 1 || PortalDates.ParseInRange(query[0]) is not { } asked)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date",
                    detail: $"date must be one day from {PortalDates.ToIso(PortalDates.Min)} to {PortalDates.ToIso(PortalDates.Max)}, written yyyy-MM-dd.");
            }

            date = asked;
        }

        var current = catalog.Current;
        if (!LocalGovernmentCode.IsValid(code) || (current.TryResolve(code, date) ?? current.TryResolve(code, clock.Today)) is null && current.UnavailableOn(code, clock.Today) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown municipality",
                detail: $"No rule set is published for \"{code}\".");
        }

        var fromDraft = MyNumberPortal.Web.Admin.DraftRules.Asked(context);
        var rules = fromDraft ? await MyNumberPortal.Web.Admin.DraftRules.CompileAsync(drafts, current, code, context.RequestAborted) : current.Resolve(code, date);
        if (fromDraft && rules is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No draft",
                detail: $"{code} has no open draft. Leave out draft=1 for the published rules.");
        }

        if (rules is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No rule set on that date",
                detail: $"No rule set of {code} was in force on {DateText.Iso(date)}.");
        }

        var table = FactCheckTable.Build(rules, date);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Write(table), ContentType, FileName(table));
    }

    /// <summary>"fact-check-131091-v3-2026-11-24.csv".</summary>
    public static string FileName(FactCheckTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Create(CultureInfo.InvariantCulture, $"fact-check-{table.Code}-v{table.RuleSetVersion}-{DateText.Iso(table.Date)}.csv");
    }

    /// <summary>The CSV file's bytes: BOM, header row, one record per row (in the current UI language).</summary>
    public static byte[] Write(FactCheckTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // NewLine is left unset: records end with CRLF (RFC 4180), and a field holding CR or LF is quoted
            // (setting it would quote only fields holding the whole CRLF, and the cells' lists use LF).
            // A cell that starts with = + - @ is not run as a formula when the file is opened in a spreadsheet.
            InjectionOptions = InjectionOptions.Escape,
        }))
        {
            foreach (var heading in FactCheckCells.Headings)
            {
                csv.WriteField(heading);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var value in FactCheckCells.From(row).Values)
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
