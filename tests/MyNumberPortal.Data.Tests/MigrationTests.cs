using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
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
        Assert.Contains("CREATE TABLE [SourceCaptures]", sql);
        Assert.Contains("[CapturedOn] date NOT NULL", sql);
        Assert.Contains("[Text] nvarchar(max) NOT NULL", sql);
        Assert.Contains("CREATE INDEX [IX_SourceCaptures_Scope_SourceId_Id]", sql);
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
        Assert.Contains("DataProtectionKeysFromFramework", script);
        Assert.Contains("CREATE TABLE [StaffAccounts]", script);
        Assert.Contains("AddStaffAccounts", script);
        Assert.Contains("CREATE TABLE [SourceCaptures]", script);
        Assert.Contains("AddSourceCaptures", script);
        Assert.Contains("__EFMigrationsHistory", script);
    }

    /// <summary>
    /// The SQL Server scripts a DBA would run (the idempotent migrations script, as <c>dotnet ef migrations script
    /// --idempotent</c> writes it, and the plain one) parse as T-SQL for SQL Server 2022 with ScriptDom: a script that
    /// SQL Server would reject as a syntax error fails here, without a server.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SqlServer_migrations_script_parses_as_TSql_for_SQL_Server_2022(bool idempotent)
    {
        using var db = SqlServerContexts.Create();
        var script = db.GetService<IMigrator>().GenerateScript(
            options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);

        var (errors, fragment) = ParseTSql(script);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        var statements = new StatementCollector();
        fragment.Accept(statements);
        Assert.Equal(["AuditEntries", "DataProtectionKeys", "Municipalities", "RuleSetVersions", "SourceCaptures", "StaffAccounts", "__EFMigrationsHistory"],
            statements.CreatedTables.Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("DataProtectionKeys", statements.AlteredTables); // the framework's key table: CreatedAt dropped
        // Every migration is recorded in the history table: one INSERT per migration.
        Assert.Equal(db.Database.GetMigrations().Count(), statements.InsertsInto.Count(t => t == "__EFMigrationsHistory"));
    }

    /// <summary>The parse is real: a script with a mistake SQL Server would reject is flagged.</summary>
    [Theory]
    [InlineData("CREATE TABLE [T] ([Id] int NOT NULL,, [Name] nvarchar(10));")]
    [InlineData("ALTER TABLE [DataProtectionKeys] DROP COLUMN;")]
    [InlineData("CREATE INDEX [IX] ON [T] ([A]) WHERE;")]
    public void A_broken_script_fails_the_parse(string sql)
    {
        var (errors, _) = ParseTSql("BEGIN TRANSACTION;\nGO\n" + sql + "\nGO\nCOMMIT;\nGO\n");
        Assert.NotEmpty(errors);
    }

    /// <summary>Collects, from anywhere in a script (inside IF blocks too), the tables created, altered and inserted into.</summary>
    private sealed class StatementCollector : TSqlFragmentVisitor
    {
        public List<string> CreatedTables { get; } = [];

        public List<string> AlteredTables { get; } = [];

        public List<string> InsertsInto { get; } = [];

        public override void Visit(CreateTableStatement node) => CreatedTables.Add(node.SchemaObjectName.BaseIdentifier.Value);

        public override void Visit(AlterTableDropTableElementStatement node) => AlteredTables.Add(node.SchemaObjectName.BaseIdentifier.Value);

        public override void Visit(InsertStatement node)
        {
            if (node.InsertSpecification.Target is NamedTableReference table)
            {
                InsertsInto.Add(table.SchemaObject.BaseIdentifier.Value);
            }
        }
    }

    private static (IList<ParseError> Errors, TSqlScript Script) ParseTSql(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return (errors, Assert.IsType<TSqlScript>(fragment));
    }
}
