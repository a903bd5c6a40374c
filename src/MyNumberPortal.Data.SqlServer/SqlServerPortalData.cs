using Microsoft.EntityFrameworkCore;

namespace MyNumberPortal.Data.SqlServer;

/// <summary>The SQL Server branch of <c>AddPortalData</c>: <c>services.AddPortalData(config, root, SqlServerPortalData.Configure)</c>.</summary>
public static class SqlServerPortalData
{
    /// <summary>The assembly holding the SQL Server migrations (this one).</summary>
    public static string MigrationsAssembly => typeof(SqlServerPortalData).Assembly.GetName().Name!;

    /// <summary>Uses SQL Server with this project's migrations.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(MigrationsAssembly));
    }
}
