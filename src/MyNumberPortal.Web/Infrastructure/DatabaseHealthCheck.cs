using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Readiness: the rule store answers a query on its versions table (<c>SELECT EXISTS (SELECT 1 FROM RuleSetVersions)</c>, through the DbContext)
/// within the registration's timeout.
/// </summary>
/// <remarks>
/// EF Core's own DbContext check cannot see a SQLite file go away: SQLite "connects" by creating an empty file, and
/// pooled connections keep reading a file that was moved or deleted. So for SQLite the probe opens its own unpooled,
/// read-write-but-never-create connection; for SQL Server the query through the normal connection is the test.
/// The result carries no exception text to the response (the health endpoints write only the status); the health
/// check service logs the exception.
/// </remarks>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> factory) : IHealthCheck
{
    public const string Name = "database";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString)
            {
                db.Database.SetConnectionString(ProbeConnectionString(connectionString));
            }

            // SELECT EXISTS (SELECT 1 FROM "RuleSetVersions"): the table must be there; it need not have rows.
            await db.RuleSetVersions.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database did not answer.", ex);
        }
    }

    /// <summary>The SQLite connection string for probing: no pooled handle, and a missing file is an error, not created.</summary>
    internal static string ProbeConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return connectionString;
        }

        if (builder.Mode is SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        builder.Pooling = false;
        return builder.ToString();
    }
}
