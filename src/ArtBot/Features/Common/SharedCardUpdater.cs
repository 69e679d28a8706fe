using System.Collections.Concurrent;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.Features.Common;

/// <summary>
/// Keeps shared cards (the one message everyone in a conversation sees: a vote, a workshop, a sync summary, an
/// impediment) in step with what is stored, in the background after the turn is answered. Per card key at most one
/// update is in flight; a request while it waits or runs causes exactly one more, and each update reads the state when it
/// runs, so the card converges to the last state with few PUTs. An optional trailing delay gathers a burst into one PUT.
/// On graceful shutdown (after the server stopped taking requests) the delays are cut short and every pending update runs
/// before the process exits, within the host's shutdown timeout.
/// </summary>
public sealed partial class SharedCardUpdater(ConnectorClient connector, TimeProvider time, ILogger<SharedCardUpdater> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>The longest one update may take (Teams answering slowly, throttling waits) before it is given up.</summary>
    public static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>True when no update is waiting or running.</summary>
    public bool IsIdle => _entries.IsEmpty;

    /// <summary>
    /// Asks for the card <paramref name="key"/> to be brought up to date by <paramref name="update"/> (which reads the
    /// state itself) after <paramref name="delay"/>; returns at once. The latest <paramref name="update"/> asked for runs.
    /// </summary>
    public void Schedule(string key, TimeSpan delay, Func<CancellationToken, Task> update)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            entry.Update = update;
            entry.Delay = delay;
            entry.Dirty = true;
            if (entry.Running)
            {
                return;
            }

            entry.Running = true;
        }

        var task = Task.Run(() => RunAsync(key, entry));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Replaces the posted card with <paramref name="card"/>; a refusal is logged (the card stays as it was).</summary>
    public async Task<ConnectorOutcome> ReplaceAsync(
        string key, string serviceUrl, string tenantId, string conversationId, string activityId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var outcome = await connector.UpdateActivityAsync(
            serviceUrl, tenantId, conversationId, activityId, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotUpdated(key, outcome.Kind.ToString(), outcome.StatusCode);
        }

        return outcome;
    }

    /// <summary>Completes when every update asked for so far (and any they lead to) has run.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs what is pending now, without its delay: the web server has stopped, nothing new arrives.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // stopped again after the host was disposed (WebApplicationFactory stops a host twice): the first stop drained
        }

        var pending = _entries.Count;
        try
        {
            await WhenIdleAsync(cancellationToken);
            if (pending > 0)
            {
                LogDrained(pending);
            }
        }
        catch (OperationCanceledException)
        {
            LogNotDrained(_entries.Count);
        }
    }

    private async Task RunAsync(string key, Entry entry)
    {
        while (true)
        {
            Func<CancellationToken, Task> update;
            TimeSpan delay;
            lock (entry)
            {
                delay = entry.Delay;
            }

            if (delay > TimeSpan.Zero && !_stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(delay, time, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // shutting down: update now
                }
            }

            lock (entry)
            {
                entry.Dirty = false;
                update = entry.Update!;
            }

            try
            {
                using var timeout = new CancellationTokenSource(UpdateTimeout, time);
                await update(timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a background update must never take the process down; it is logged
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(exception, key);
            }

            lock (entry)
            {
                if (!entry.Dirty)
                {
                    entry.Running = false;
                    _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                    return;
                }
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private sealed class Entry
    {
        public bool Running { get; set; }
        public bool Dirty { get; set; }
        public TimeSpan Delay { get; set; }
        public Func<CancellationToken, Task>? Update { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card {Key} not updated: {Kind} ({Status})")]
    private partial void LogNotUpdated(string key, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card {Key} not updated")]
    private partial void LogFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown: {Pending} pending shared-card updates ran")]
    private partial void LogDrained(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown: {Left} shared-card updates did not finish within the shutdown timeout")]
    private partial void LogNotDrained(int left);
}
