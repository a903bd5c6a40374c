using Microsoft.EntityFrameworkCore;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Rules.Format;

namespace MyNumberPortal.Data.Infrastructure;

/// <summary>Keeps the <see cref="Municipality"/> rows in step with the published rule sets.</summary>
public static class MunicipalityDirectory
{
    /// <summary>
    /// Inserts or updates one row per municipality from its latest (highest-numbered) published version.
    /// Rows whose values are unchanged are not written. Returns the number of rows written.
    /// </summary>
    public static async Task<int> RefreshAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Status == RuleSetStatus.Published && v.Scope != RuleSetVersion.NationalScope)
            .Where(v => v.Version == db.RuleSetVersions
                .Where(o => o.Scope == v.Scope && o.Status == RuleSetStatus.Published).Max(o => o.Version))
            .Select(v => v.Content)
            .ToListAsync(cancellationToken);
        var rows = await db.Municipalities.ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var content in latest)
        {
            var info = RuleSetYaml.Read(content).Municipality;
            if (info is null || info.Code.Length == 0)
            {
                continue;
            }

            if (!rows.TryGetValue(info.Code, out var row))
            {
                rows[info.Code] = row = new Municipality { Code = info.Code };
                db.Municipalities.Add(row);
            }

            row.NameJa = info.Name.Ja;
            row.NameEn = info.Name.En;
            row.Kana = info.Kana;
            row.Romaji = info.Romaji;
            row.PrefectureJa = info.Prefecture.Ja;
            row.PrefectureEn = info.Prefecture.En;
        }

        return await db.SaveChangesAsync(cancellationToken);
    }
}
