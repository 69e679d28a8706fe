using ArtBot.Hosting;

namespace ArtBot.Features.Common;

/// <summary>
/// A background loop that runs <see cref="TickAsync"/> every <see cref="Interval"/> (waiting on the
/// <see cref="TimeProvider"/>) once the tables are ready, and at once when <see cref="Nudge"/> is called. A failed pass
/// (storage down) is reported through <see cref="OnTickFailed"/> and retried on the next tick; stopping ends the wait.
/// The schedulers (the ART sync's, the System Demo's) are made of it.
/// </summary>
public abstract class TickingService(StorageInitializer storage, TimeProvider time) : BackgroundService
{
    private readonly SemaphoreSlim _nudge = new(0, 1);

    /// <summary>How long between passes; null: the loop does not run (switched off).</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>Asks for a pass now (a nudge while one is pending is the same nudge).</summary>
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

    protected abstract Task TickAsync(CancellationToken cancellationToken);

    protected virtual void OnStarted(TimeSpan interval)
    {
    }

    protected abstract void OnTickFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
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

        OnStarted(interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must survive a failed tick (storage down); it is reported and retried next tick
            catch (Exception exception)
#pragma warning restore CA1031
            {
                OnTickFailed(exception);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(interval, time, wait.Token);
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
        GC.SuppressFinalize(this);
    }
}
