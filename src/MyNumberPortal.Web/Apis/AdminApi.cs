using System.Text;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Apis;

/// <summary>The admin console's downloads: a municipality's rule file (the seed-file format), to keep, check or import again.</summary>
public static class AdminApi
{
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        // ?version=N for that version, ?version=draft for the open draft; otherwise the latest published version.
        app.MapGet("/staff/{code}/admin/export", async (string code, string? version, RuleSetDrafts drafts, CancellationToken ct) =>
        {
            RuleSetVersion? row = version switch
            {
                null or "" => await drafts.LatestPublishedAsync(code, ct),
                "draft" => await drafts.FindDraftAsync(code, ct),
                _ when version.Length < 8 && int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => await drafts.VersionAsync(code, n, ct),
                _ => null,
            };
            if (row is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such version",
                    detail: $"Municipality {code} has no version \"{version ?? "latest"}\". Use ?version=N, ?version=draft, or no version for the latest published one.");
            }

            var name = $"{code}-v{row.Version}{(row.Status == RuleSetStatus.Draft ? "-draft" : "")}.yaml";
            return Results.File(Encoding.UTF8.GetBytes(row.Content), "application/yaml; charset=utf-8", name);
        }).RequireAuthorization(StaffPolicies.MunicipalityAdmin).ExcludeFromDescription();
        return app;
    }
}
