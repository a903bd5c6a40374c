using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// The logs say what happened: a normal stop of the real process (SIGTERM, as <c>docker stop</c> sends) logs no error or
/// fatal entry and exits 0, the snapshot refresh ends as a completed task when the host stops it (not a fault), and
/// <c>create-staff</c> creating the first admin does not warn that no admin exists.
/// </summary>
public sealed class QuietLifecycleTests
{
    [Fact]
    public async Task A_normal_stop_logs_no_error_and_exits_zero()
    {
        var database = Path.Combine(Path.GetTempPath(), $"portal-stop-{Guid.NewGuid():N}.db");
        try
        {
            await using var portal = PortalProcess.Start("stop", new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Portal"] = $"Data Source={database}",
                // Refresh all the time, so the stop comes during a refresh or a wait.
                ["Rules__RefreshSeconds"] = "0.01",
            });
            await portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await portal.Client.GetAsync(new Uri("api/municipalities", UriKind.Relative))).StatusCode);

            Assert.Equal(0, await portal.StopAsync(TimeSpan.FromSeconds(60)));
            var output = portal.Output;
            Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Level\":\"Fatal\"", output, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Level\":\"Error\"", output, StringComparison.Ordinal);
            Assert.DoesNotContain("OperationCanceledException", output, StringComparison.Ordinal);
        }
        finally
        {
            Delete(database);
        }
    }

    [Fact]
    public async Task The_snapshot_refresh_ends_as_completed_when_the_host_stops_it()
    {
        using var factory = new FastRefreshPortal();
        _ = factory.Services;
        var service = new SnapshotRefreshService(
            factory.Services.GetRequiredService<RuleSnapshotProvider>(),
            factory.Services.GetRequiredService<ILogger<SnapshotRefreshService>>(),
            factory.Services.GetRequiredService<IConfiguration>());
        await service.StartAsync(CancellationToken.None);
        // Some ticks pass (each a refresh against the store), then the host stops it.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await service.StopAsync(CancellationToken.None);
        Assert.NotNull(service.ExecuteTask);
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully, $"the service ended {service.ExecuteTask.Status}");
        service.Dispose();
    }

    [Fact]
    public async Task Create_staff_making_the_first_admin_does_not_warn_that_there_is_none()
    {
        var database = Path.Combine(Path.GetTempPath(), $"portal-create-{Guid.NewGuid():N}.db");
        try
        {
            await using var command = PortalProcess.Start("create-staff", new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Portal"] = $"Data Source={database}",
                ["STAFF_PASSWORD"] = "a long enough password",
            }, ["create-staff", "--user", "first-admin", "--role", "Admin", "--all"]);
            Assert.Equal(0, await command.WaitForExitAsync(TimeSpan.FromSeconds(120)));
            Assert.Contains("first-admin", command.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("No staff admin account exists", command.Output, StringComparison.Ordinal);

            // The web server without an admin (the database of another start): the warning is still there where it is true.
            var empty = Path.Combine(Path.GetTempPath(), $"portal-noadmin-{Guid.NewGuid():N}.db");
            try
            {
                await using var portal = PortalProcess.Start("no-admin", new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__Portal"] = $"Data Source={empty}",
                });
                await portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
                Assert.Contains("No staff admin account exists", portal.Output, StringComparison.Ordinal);
            }
            finally
            {
                Delete(empty);
            }
        }
        finally
        {
            Delete(database);
        }
    }

    private static void Delete(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    private sealed class FastRefreshPortal : PortalFactory
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Rules:RefreshSeconds", "0.01");
    }
}
