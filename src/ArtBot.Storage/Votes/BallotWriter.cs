using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace ArtBot.Storage.Votes;

/// <summary>
/// Writes ballots with a group commit per vote on this instance. A ballot that finds no write of its vote in flight is
/// written at once, alone (one upsert, no added wait). Ballots that arrive while one is in flight wait for it and then
/// go together, as one entity group transaction of upserts (one storage request, at most 100 rows, each row once: a
/// voter's second ballot in the queue waits for the next write, so a voter's ballots land in the order they came).
/// A burst of 125 voters is then a handful of storage requests instead of 125, on this process and on storage.
/// Hand-written: the storage SDK has no batching writer, and this one is measured (docs/benchmarks.md, vote storm).
/// A transaction storage refuses as a whole (one row it would not take) is written row by row, so each ballot gets its
/// own answer; any other failure fails each ballot of the write, as its own upsert would have.
/// </summary>
internal sealed class BallotWriter(TableClient votes)
{
    /// <summary>The most rows Table Storage takes in one transaction.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="ballot"/> (replacing the voter's row) and returns the ETag it was stored with. Once queued,
    /// the write happens even if <paramref name="cancellationToken"/> ends the wait for it (the ballot was cast).
    /// </summary>
    public Task<string> WriteAsync(BallotEntity ballot, CancellationToken cancellationToken)
    {
        var pending = new Pending(ballot);
        var lane = _lanes.GetOrAdd(ballot.PartitionKey, _ => new Lane());
        bool start;
        lock (lane)
        {
            lane.Queue.Add(pending);
            start = !lane.Writing;
            lane.Writing = true;
        }

        if (start)
        {
            _ = DrainAsync(ballot.PartitionKey, lane); // runs to its first storage call here, then on that call's completion
        }

        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes the lane's queue, a batch at a time, until it is empty.</summary>
    private async Task DrainAsync(string voteId, Lane lane)
    {
        while (true)
        {
            List<Pending> batch;
            lock (lane)
            {
                batch = TakeBatch(lane.Queue);
                if (batch.Count == 0)
                {
                    lane.Writing = false;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(voteId, lane));
                    return;
                }
            }

            try
            {
                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // handed to each ballot's caller, as its own upsert would have thrown it
            catch (Exception exception)
#pragma warning restore CA1031
            {
                foreach (var pending in batch)
                {
                    pending.Written.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>The queue's oldest ballots, at most <see cref="MaxBatch"/>, each row once; the others stay queued in order.</summary>
    private static List<Pending> TakeBatch(List<Pending> queue)
    {
        var batch = new List<Pending>(Math.Min(queue.Count, MaxBatch));
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < queue.Count; i++)
        {
            if (batch.Count < MaxBatch && rows.Add(queue[i].Ballot.RowKey))
            {
                batch.Add(queue[i]);
            }
            else
            {
                queue[kept++] = queue[i];
            }
        }

        queue.RemoveRange(kept, queue.Count - kept);
        return batch;
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        if (batch.Count > 1)
        {
            IReadOnlyList<Azure.Response> answers;
            try
            {
                answers = (await votes.SubmitTransactionAsync(
                    batch.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p.Ballot)), CancellationToken.None).ConfigureAwait(false)).Value;
            }
            catch (TableTransactionFailedException)
            {
                answers = []; // one row refused the whole transaction: row by row below, so only that ballot fails
            }

            if (answers.Count == batch.Count)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Written.TrySetResult(answers[i].Headers.ETag?.ToString() ?? "");
                }

                return;
            }
        }

        foreach (var pending in batch)
        {
            try
            {
                var answer = await votes.UpsertEntityAsync(pending.Ballot, TableUpdateMode.Replace, CancellationToken.None).ConfigureAwait(false);
                pending.Written.TrySetResult(answer.Headers.ETag?.ToString() ?? "");
            }
#pragma warning disable CA1031 // this ballot's own failure, handed to its caller
            catch (Exception exception)
#pragma warning restore CA1031
            {
                pending.Written.TrySetException(exception);
            }
        }
    }

    private sealed record Pending(BallotEntity Ballot)
    {
        public TaskCompletionSource<string> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lane
    {
        public List<Pending> Queue { get; } = [];
        public bool Writing { get; set; }
    }
}
