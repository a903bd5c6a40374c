using Microsoft.EntityFrameworkCore;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Data.Publishing;

/// <summary>
/// Which entries of a scope's audit log to read: by whom (the exact user name), which action, and from / before which
/// moment (UTC instants; the console turns Japanese dates into them). Null means any.
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? Before = null);

/// <summary>
/// Reads a scope's audit log (scoped, read-only): filtered, newest first, without the before/after contents (the entry's own
/// page reads those); and the people and actions the scope's log holds, for the filter's choices.
/// </summary>
public sealed class AuditLog(PortalDbContext db)
{
    /// <summary>At most this many entries are exported at once (narrow the dates for more).</summary>
    public const int MaxExport = 10_000;

    public async Task<IReadOnlyList<AuditEntry>> FindAsync(string scope, AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.Scope == scope);
        if (filter.Actor is { } actor)
        {
            query = query.Where(a => a.Actor == actor);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.At < before);
        }

        return await query.OrderByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new AuditEntry { Id = a.Id, At = a.At, Actor = a.Actor, Scope = a.Scope, Action = a.Action, Summary = a.Summary })
            .ToListAsync(ct);
    }

    /// <summary>Everyone who appears in the scope's log, by name.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(string scope, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.Scope == scope).Select(a => a.Actor).Distinct().OrderBy(a => a).ToListAsync(ct);

    /// <summary>Every action the scope's log holds.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(string scope, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.Scope == scope).Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
}
