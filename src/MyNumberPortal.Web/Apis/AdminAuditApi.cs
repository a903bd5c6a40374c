using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Web.Admin;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Apis;

/// <summary>
/// The audit log as a CSV download (docs/admin.md): <c>/staff/{code}/admin/audit.csv?who=&amp;action=&amp;from=&amp;to=</c>
/// (the audit page's filter), for an admin of the municipality. Like the fact-check CSV: UTF-8 with a byte order mark, a
/// header row, RFC 4180 quoting, cells that would start a formula escaped; newest first, at most <see cref="AuditLog.MaxExport"/>.
/// </summary>
public static class AdminAuditApi
{
    public const string CsvRoute = "/staff/{code}/admin/audit.csv";

    public static string CsvUrl(string code) => $"/staff/{code}/admin/audit.csv";

    public static IEndpointRouteBuilder MapAdminAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvRoute, DownloadCsv)
            .RequireAuthorization(StaffPolicies.MunicipalityAdmin)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadCsv(string code, HttpContext context, AuditLog log, IValidator<AuditFilterInput> validator, PortalClock clock)
    {
        if (!LocalGovernmentCode.IsValid(code))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown municipality");
        }

        var (input, reader) = AuditFilterInput.Read(context.Request.Query);
        var result = validator.Validate(input);
        if (!result.IsValid || reader.TooLong.Count > 0 || reader.Misleading.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad filter",
                detail: string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        }

        var entries = await log.FindAsync(code, input.ToFilter(), 0, AuditLog.MaxExport, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Write(entries), AdminFactCheckApi.ContentType,
            string.Create(CultureInfo.InvariantCulture, $"audit-{code}-{DateText.Iso(clock.Today)}.csv"));
    }

    /// <summary>The CSV file's bytes: BOM, header row, one record per entry (in the current UI language).</summary>
    public static byte[] Write(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var heading in new[] { AdminConsoleText.AuditCsvId, AdminConsoleText.AuditCsvWhen, AdminConsoleText.AuditCsvWho,
                AdminConsoleText.AuditCsvAction, AdminConsoleText.AuditCsvActionCode, AdminConsoleText.AuditCsvWhat })
            {
                csv.WriteField(heading);
            }

            csv.NextRecord();
            foreach (var entry in entries)
            {
                csv.WriteField(entry.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(AdminTime.Text(entry.At));
                csv.WriteField(entry.Actor);
                csv.WriteField(AuditActions.Text(entry.Action));
                csv.WriteField(entry.Action);
                csv.WriteField(entry.Summary);
                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
