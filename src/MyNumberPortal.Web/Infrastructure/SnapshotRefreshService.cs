using MyNumberPortal.Data.Snapshots;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>Checks the store's change stamp every couple of seconds and rebuilds the rule snapshot when rules were published.</summary>
/// <remarks>
/// A normal stop (the host cancels <c>stoppingToken</c>, during a wait or a refresh) ends the service quietly, as a
/// completed task: a stop is not a failure, and the host logs a background service that ends with an exception as
/// one (a "Fatal" in the logs on every shutdown). Any other failure, a cancellation that is not the stop included,
/// is a warning, and the next tick tries again.
/// </remarks>
public sealed class SnapshotRefreshService(RuleSnapshotProvider provider, ILogger<SnapshotRefreshService> logger, IConfiguration configuration)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Rules:RefreshSeconds", 2.0));
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await provider.RefreshIfChangedAsync(stoppingToken))
            {
                logger.LogInformation("Rule snapshot rebuilt (stamp {Stamp})", provider.Current.Stamp);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Keep serving the snapshot we have; try again on the next tick.
            logger.LogWarning(ex, "Rule snapshot refresh failed");
        }
    }
}
