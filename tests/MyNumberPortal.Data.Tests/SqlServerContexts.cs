using Microsoft.EntityFrameworkCore;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.SqlServer;

namespace MyNumberPortal.Data.Tests;

/// <summary>A SQL Server-configured context for model and script checks; the connection string is never opened.</summary>
internal static class SqlServerContexts
{
    public static PortalDbContext Create()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        SqlServerPortalData.Configure(options, "Server=nowhere.invalid;Database=MyNumberPortal;User Id=sa;Password=unused;TrustServerCertificate=true");
        return new PortalDbContext(options.Options);
    }
}
