using ArtBot.Features.Sync;
using ArtBot.Hosting;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Demos;

/// <summary>
/// Runs <see cref="DemoScheduler.TickAsync"/> every <see cref="SyncOptions.TickInterval"/> (on the
/// <see cref="TimeProvider"/>), and at once when <see cref="Nudge"/> is called (a demo moved, settings changed, a meeting
/// linked). Off with the sync scheduler (<see cref="SyncOptions.SchedulerEnabled"/>).
/// </summary>
public sealed partial class DemoSchedulerService(
    DemoScheduler scheduler, StorageInitializer storage, IOptions<SyncOptions> options, TimeProvider time, ILogger<DemoSchedulerService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _nudge = new(0, 1);

    /// <summary>Asks for a pass now.</summary>
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

        try
        {
            await storage.WhenReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

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
#pragma warning disable CA1031 // the loop must survive a failed pass (storage down); it is logged and retried next tick
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogLoopFailed(exception);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo scheduler pass failed")]
    private partial void LogLoopFailed(Exception exception);
}
