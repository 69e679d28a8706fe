using ArtBot.Hosting;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Runs <see cref="SyncScheduler.TickAsync"/> every <see cref="SyncOptions.TickInterval"/> (waiting on the
/// <see cref="TimeProvider"/>), and at once when <see cref="Nudge"/> is called (<c>sync now</c>). Stopping lets the
/// sends in flight finish and record their outcome; nothing new is claimed.
/// </summary>
public sealed class SyncSchedulerService(
    SyncScheduler scheduler, StorageInitializer storage, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncSchedulerService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _nudge = new(0, 1);

    /// <summary>Asks for a tick now (e.g. after <c>sync now</c>).</summary>
    public void Nudge()
    {
        if (_nudge.CurrentCount == 0)
        {
            try
            {
                _nudge.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already nudged.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SchedulerEnabled)
        {
            return;
        }

        // The tables are created at start-up by another hosted service: wait for them rather than fail the first ticks.
        try
        {
            await storage.WhenReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        SyncLog.SchedulerStarted(logger, settings.InstanceId, settings.TickInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must survive a failed tick (storage down); it is logged and retried next tick
            catch (Exception exception)
#pragma warning restore CA1031
            {
                SyncLog.LoopFailed(logger, exception);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(settings.TickInterval, time, wait.Token);
            var nudged = _nudge.WaitAsync(wait.Token);
            try
            {
                await Task.WhenAny(delay, nudged);
            }
            finally
            {
                await wait.CancelAsync();
                await Task.WhenAll(delay, nudged).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override void Dispose()
    {
        _nudge.Dispose();
        base.Dispose();
    }
}
