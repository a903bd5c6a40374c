using MyNumberPortal.Data.Snapshots;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>Checks the store's change stamp every couple of seconds and rebuilds the rule snapshot when rules were published.</summary>
public sealed class SnapshotRefreshService(RuleSnapshotProvider provider, ILogger<SnapshotRefreshService> logger, IConfiguration configuration)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Rules:RefreshSeconds", 2.0));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await provider.RefreshIfChangedAsync(stoppingToken))
                {
                    logger.LogInformation("Rule snapshot rebuilt (stamp {Stamp})", provider.Current.Stamp);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep serving the snapshot we have; try again on the next tick.
                logger.LogWarning(ex, "Rule snapshot refresh failed");
            }
        }
    }
}
