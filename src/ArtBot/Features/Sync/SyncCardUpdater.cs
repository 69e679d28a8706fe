using System.Collections.Concurrent;

namespace ArtBot.Features.Sync;

/// <summary>
/// Runs card updates (summary, a team's shared check-in card) in the background, coalesced per key: at most one run
/// per key in flight, and a request made while one runs causes exactly one more run, so cards converge to the latest
/// state. <see cref="WhenIdleAsync"/> lets tests and shutdown wait for the queue to drain.
/// </summary>
public sealed class SyncCardUpdater(ILogger<SyncCardUpdater> logger)
{
    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Schedule(string key, Func<CancellationToken, Task> work)
    {
        var state = _states.GetOrAdd(key, _ => new State());
        lock (state)
        {
            state.Work = work;
            state.Dirty = true;
            if (state.Running)
            {
                return;
            }

            state.Running = true;
        }

        var task = Task.Run(() => RunAsync(key, state));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every scheduled update has run.</summary>
    public async Task WhenIdleAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(string key, State state)
    {
        while (true)
        {
            Func<CancellationToken, Task> work;
            lock (state)
            {
                if (!state.Dirty)
                {
                    state.Running = false;
                    _states.TryRemove(new KeyValuePair<string, State>(key, state));
                    return;
                }

                state.Dirty = false;
                work = state.Work!;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await work(timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a background update must never take the process down; it is logged
            catch (Exception exception)
#pragma warning restore CA1031
            {
                SyncLog.UpdateFailed(logger, exception, key);
            }
        }
    }

    private sealed class State
    {
        public bool Running { get; set; }
        public bool Dirty { get; set; }
        public Func<CancellationToken, Task>? Work { get; set; }
    }
}
