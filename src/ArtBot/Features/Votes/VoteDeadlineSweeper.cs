using ArtBot.Domain.Votes;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Votes;

/// <summary>
/// Closes votes at their deadline. Every instance sweeps on a <see cref="TimeProvider"/> timer; the sweep is one range
/// query on the <c>votedue</c> index (only votes with a deadline, oldest first). The close itself is ETag-guarded
/// (<see cref="VoteCloser"/>), so with several instances, or after a restart, each vote closes exactly once and gets
/// one final card update. A deadline row is removed only after the final card went out, so a crash in between is
/// repaired by a later sweep.
/// </summary>
public sealed partial class VoteDeadlineSweeper(
    IVoteStore store, VoteCloser closer, TimeProvider time, IOptions<VoteDeadlineOptions> options, ILogger<VoteDeadlineSweeper> logger) : BackgroundService
{
    private const int MaxPerSweep = 100;
    private readonly Lock _gate = new();
    private readonly List<(long Sweeps, TaskCompletionSource Done)> _watchers = [];
    private long _sweeps;
    private long _waitingAfter = -1;
    private long _closed;

    /// <summary>Sweeps completed by this instance (diagnostics and tests).</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    /// <summary>Votes this instance closed at their deadline.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var next = Task.Delay(options.Value.SweepInterval, time, stoppingToken);
                Waiting();
                await next;
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogSweepFailed(exception);
            }
        }
    }

    /// <summary>
    /// Completes once this instance has finished <paramref name="sweeps"/> sweeps on its timer and waits for the next one
    /// (a test moves a fake clock only then, or the move would be missed).
    /// </summary>
    public Task WhenSweptAsync(long sweeps)
    {
        lock (_gate)
        {
            if (_waitingAfter >= sweeps)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watchers.Add((sweeps, done));
            return done.Task;
        }
    }

    /// <summary>Closes every vote whose deadline has passed; returns how many this instance closed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = 0;
        foreach (var due in await store.ListDueAsync(now, MaxPerSweep, cancellationToken))
        {
            try
            {
                var vote = await store.GetAsync(due.VoteId, cancellationToken);
                if (vote is null || vote.Deadline != due.Deadline)
                {
                    // Left by a start that failed half-way, or by a redelivered start (its row names another deadline).
                    await store.RemoveDueAsync(due, cancellationToken);
                    continue;
                }

                if (vote.ClosedAt is { } closedAt && now - closedAt < options.Value.RepairAfter)
                {
                    continue; // closing right now (its closer removes the row), or just closed by its creator
                }

                // Open: close it. Closed long ago but still due: its closer died before the final card went out.
                // Closed "now" (at most one sweep interval after the deadline): the repair rule above reads ClosedAt as
                // the moment the close began, so it must not be back-dated to the deadline.
                var (_, closedNow) = await closer.CloseAsync(vote.Id, now, repairCard: vote.IsClosed, cancellationToken);
                if (closedNow)
                {
                    closed++;
                    Interlocked.Increment(ref _closed);
                    LogClosedAtDeadline(vote.Id);
                }

                await store.RemoveDueAsync(due, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCloseFailed(exception, due.VoteId);
            }
        }

        Interlocked.Increment(ref _sweeps);
        return closed;
    }

    // The timer of the next sweep is set: completes the waits for the sweeps done so far.
    private void Waiting()
    {
        lock (_gate)
        {
            _waitingAfter = Sweeps;
            _watchers.RemoveAll(watcher => watcher.Sweeps <= _waitingAfter && watcher.Done.TrySetResult());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote {VoteId} closed at its deadline")]
    private partial void LogClosedAtDeadline(string voteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing vote {VoteId} at its deadline failed")]
    private partial void LogCloseFailed(Exception exception, string voteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
