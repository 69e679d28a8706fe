using ArtBot.Domain.Arts;
using ArtBot.Domain.AzureDevOps;
using ArtBot.Hosting;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// Every <see cref="AzureDevOpsOptions.TickInterval"/>, on every instance: each ART link due (last read at least
/// <see cref="AzureDevOpsOptions.RefreshInterval"/> ago, its organization not deferred) is refreshed by the one
/// instance that claims it (<see cref="BacklogRefresh"/>).
/// </summary>
public sealed class BacklogRefreshService(
    BacklogRefresh refresh, IBacklogLinkStore links, IArtStore arts, StorageInitializer storage, IOptions<AzureDevOpsOptions> options, TimeProvider time,
    ILogger<BacklogRefreshService> logger) : BackgroundService
{
    /// <summary>One pass over every link (tests call it directly).</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        foreach (var link in await links.ListAllAsync(cancellationToken))
        {
            if (!link.IsDue(time.GetUtcNow(), options.Value.RefreshInterval) || link.IsClaimed(time.GetUtcNow()))
            {
                continue;
            }

            try
            {
                if (await arts.GetAsync(link.TenantId, link.ArtId, cancellationToken) is { } art)
                {
                    await refresh.RunAsync(art, onlyIfDue: true, cancellationToken);
                }
            }
#pragma warning disable CA1031 // one ART's failure (storage, a bad answer) must not stop the others' refresh
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                AzureDevOpsLog.RefreshFailed(logger, link.ArtId, exception);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        try
        {
            await storage.WhenReadyAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
#pragma warning disable CA1031 // the loop must survive a failed pass (storage down); it is logged and retried next tick
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    AzureDevOpsLog.PassFailed(logger, exception);
                }

                await Task.Delay(options.Value.TickInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
