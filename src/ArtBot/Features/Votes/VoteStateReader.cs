using System.Collections.Concurrent;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// Reads votes for the card actions with as few storage operations as a storm of ballots allows.
/// <list type="bullet">
/// <item><see cref="GetVoteAsync"/>: the vote's meta row, cached per instance. What a cast checks before writing
/// (tenant, conversation, anonymous, salt) never changes; "closed" may be stale when another instance closed the
/// vote, which is safe because every cast re-checks it in a fresh read after its write (see <see cref="VoteActions"/>).</item>
/// <item><see cref="ReadFreshAsync"/>: single-flight partition reads. The answer is a read that <em>started after the
/// call</em> (so it sees the caller's completed write and a close committed before it); concurrent callers share it:
/// while one read runs, every caller arriving meanwhile waits for one shared next read.</item>
/// </list>
/// </summary>
public sealed class VoteStateReader(IVoteStore store)
{
    private const int MaxCachedVotes = 10_000;

    private readonly ConcurrentDictionary<string, Vote> _votes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>Storage reads started (for tests and diagnostics).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    private long _reads;

    /// <summary>The vote's meta row, from the cache when this instance has seen it.</summary>
    public async Task<Vote?> GetVoteAsync(string voteId, CancellationToken cancellationToken)
    {
        if (_votes.TryGetValue(voteId, out var cached))
        {
            return cached;
        }

        var vote = await store.GetAsync(voteId, cancellationToken);
        if (vote is not null)
        {
            Remember(vote);
        }

        return vote;
    }

    /// <summary>Notes a newer state of a vote (e.g. closed, or its activity id once posted).</summary>
    public void Remember(Vote vote)
    {
        if (_votes.Count >= MaxCachedVotes)
        {
            _votes.Clear();
        }

        _votes[vote.Id] = vote;
    }

    /// <summary>A read of the vote's partition that started after this call; shared with concurrent callers.</summary>
    public Task<VoteState?> ReadFreshAsync(string voteId, CancellationToken cancellationToken)
    {
        var flight = _flights.GetOrAdd(voteId, _ => new Flight());
        Task<VoteState?> task;
        lock (flight)
        {
            if (flight.Current is null)
            {
                flight.Current = NewSource();
                flight.Started = false;
                task = flight.Current.Task;
                _ = Task.Run(() => RunAsync(voteId, flight), CancellationToken.None);
            }
            else if (!flight.Started)
            {
                task = flight.Current.Task; // not started yet: it will see everything done before this call
            }
            else
            {
                flight.Next ??= NewSource();
                task = flight.Next.Task;
            }
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(string voteId, Flight flight)
    {
        while (true)
        {
            TaskCompletionSource<VoteState?> current;
            lock (flight)
            {
                current = flight.Current!;
                flight.Started = true;
            }

            try
            {
                Interlocked.Increment(ref _reads);
                var state = await store.ReadStateAsync(voteId, CancellationToken.None);
                if (state is not null)
                {
                    Remember(state.Vote);
                }

                current.TrySetResult(state);
            }
            catch (Exception exception)
            {
                current.TrySetException(exception);
            }

            lock (flight)
            {
                if (flight.Next is null)
                {
                    flight.Current = null;
                    _flights.TryRemove(new KeyValuePair<string, Flight>(voteId, flight));
                    return;
                }

                flight.Current = flight.Next;
                flight.Next = null;
                flight.Started = false;
            }
        }
    }

    private static TaskCompletionSource<VoteState?> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Flight
    {
        public TaskCompletionSource<VoteState?>? Current { get; set; }
        public TaskCompletionSource<VoteState?>? Next { get; set; }
        public bool Started { get; set; }
    }
}
