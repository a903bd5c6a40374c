using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MyNumberPortal.Data.SqlServer;

namespace MyNumberPortal.Data.Tests;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_file_and_none_is_left_pending()
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            Assert.NotEmpty(db.Database.GetMigrations());
            await db.Database.MigrateAsync();
        }

        Assert.True(File.Exists(database.Path));
        await using var check = database.CreateContext();
        Assert.Empty(check.Database.GetPendingMigrations());
        Assert.Equal(check.Database.GetMigrations(), check.Database.GetAppliedMigrations());
        Assert.Equal(0, await check.RuleSetVersions.CountAsync());
    }

    [Fact]
    public async Task Initializing_switches_the_file_to_WAL()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add ... (docs/data.md).");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = SqlServerContexts.Create();
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Same(typeof(SqlServerPortalData).Assembly, db.GetService<IMigrationsAssembly>().Assembly);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add ... -- --provider SqlServer (docs/data.md).");
    }

    [Fact]
    public void SqlServer_create_script_has_every_table_with_the_expected_types()
    {
        using var db = SqlServerContexts.Create();
        var sql = db.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [Municipalities]", sql);
        Assert.Contains("CREATE TABLE [RuleSetVersions]", sql);
        Assert.Contains("CREATE TABLE [AuditEntries]", sql);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", sql);
        Assert.Contains("[Xml] nvarchar(max) NOT NULL", sql);
        Assert.Contains("[Code] char(6) NOT NULL", sql);
        Assert.Contains("[NameJa] nvarchar(100) NOT NULL", sql);
        Assert.Contains("[Id] int NOT NULL IDENTITY", sql);
        Assert.Contains("[Scope] varchar(16) NOT NULL", sql);
        Assert.Contains("[Status] varchar(16) NOT NULL", sql);
        Assert.Contains("[EffectiveFrom] date NULL", sql);
        Assert.Contains("[Content] nvarchar(max) NOT NULL", sql);
        Assert.Contains("[ContentHash] char(64) NOT NULL", sql);
        Assert.Contains("[CreatedAt] datetimeoffset NOT NULL", sql);
        Assert.Contains("[PublishedAt] datetimeoffset NULL", sql);
        Assert.Contains("[ConcurrencyStamp] uniqueidentifier NOT NULL", sql);
        Assert.Contains("[Id] bigint NOT NULL IDENTITY", sql);
        Assert.Contains("[At] datetimeoffset NOT NULL", sql);
        Assert.Contains("[Before] nvarchar(max) NULL", sql);
        Assert.Contains("CREATE UNIQUE INDEX [IX_RuleSetVersions_Scope_Version]", sql);
        Assert.Contains("CREATE INDEX [IX_RuleSetVersions_Scope_Status_EffectiveFrom]", sql);
        Assert.Contains("CREATE TABLE [StaffAccounts]", sql);
        Assert.Contains("[MunicipalityCode] char(6) NULL", sql);
        Assert.Contains("[LockedUntil] datetimeoffset NULL", sql);
        Assert.Contains("CREATE UNIQUE INDEX [IX_StaffAccounts_NormalizedUserName]", sql);
    }

    [Fact]
    public void SqlServer_migrations_script_is_generated()
    {
        using var db = SqlServerContexts.Create();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.Contains("CREATE TABLE [RuleSetVersions]", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
        Assert.Contains("AddDataProtectionKeys", script);
        Assert.Contains("CREATE TABLE [StaffAccounts]", script);
        Assert.Contains("AddStaffAccounts", script);
        Assert.Contains("__EFMigrationsHistory", script);
    }
}
