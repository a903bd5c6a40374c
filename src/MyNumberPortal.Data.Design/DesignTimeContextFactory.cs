using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.SqlServer;

namespace MyNumberPortal.Data.Design;

/// <summary>
/// Builds the context for <c>dotnet ef</c>: SQLite by default (migrations in MyNumberPortal.Data), SQL Server
/// with <c>-- --provider SqlServer</c> (migrations in MyNumberPortal.Data.SqlServer). No database is contacted
/// by <c>migrations add</c> or <c>migrations script</c>; <c>-- --connection "..."</c> sets a connection string
/// (e.g. for <c>dotnet ef database update</c>).
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var provider = ArgValue(args, "--provider") ?? "Sqlite";
        var connection = ArgValue(args, "--connection");
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            SqlServerPortalData.Configure(options, connection ?? "Server=localhost;Database=MyNumberPortal;Integrated Security=true;TrustServerCertificate=true");
        }
        else
        {
            // A throw-away file outside the tree: `migrations remove` looks at it to see what was applied.
            options.UseSqlite(connection ?? $"Data Source={Path.Combine(Path.GetTempPath(), "mynumberportal-design-time.db")}");
        }

        return new PortalDbContext(options.Options);
    }

    private static string? ArgValue(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
