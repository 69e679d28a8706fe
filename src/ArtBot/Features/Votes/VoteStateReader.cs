using System.Collections.Concurrent;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// Reads votes for the card actions with as few storage operations as a storm of ballots allows.
/// <list type="bullet">
/// <item><see cref="GetVoteAsync"/>: the vote's meta row, cached per instance, one read at a time per vote. What a cast checks before writing
/// (tenant, conversation, anonymous, salt) never changes; "closed" may be stale when another instance closed the
/// vote, which is safe because every cast re-checks it in a fresh read after its write (see <see cref="VoteActions"/>).</item>
/// <item><see cref="ReadFreshAsync"/>: single-flight partition reads. The answer is a read that <em>started after the
/// call</em> (so it sees the caller's completed write and a close committed before it); concurrent callers share it:
/// at most one read per vote runs at a time, every caller arriving meanwhile waits for one shared next read, and that
/// read waits briefly for the ballot writes still in flight on this instance (<see cref="Writing"/>), so a storm of
/// ballots costs a handful of reads instead of one per ballot.</item>
/// </list>
/// </summary>
public sealed class VoteStateReader(IVoteStore store, TimeProvider time)
{
    private const int MaxCachedVotes = 10_000;

    private readonly ConcurrentDictionary<string, (Vote Vote, DateTimeOffset At)> _votes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Vote?>>> _loading = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a cached open vote is trusted. Another instance may close it meanwhile; after this a cast reads the
    /// meta row again and is refused before it writes anything. (Within it, the close race rule applies: the voter is
    /// told the ballot was not counted.) A closed vote stays closed, so it is trusted for good.
    /// </summary>
    public TimeSpan OpenVoteTtl { get; init; } = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>Storage reads started (for tests and diagnostics).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    private long _reads;

    /// <summary>The vote's meta row, from the cache when this instance has seen it.</summary>
    public async Task<Vote?> GetVoteAsync(string voteId, CancellationToken cancellationToken)
    {
        if (_votes.TryGetValue(voteId, out var cached) && (cached.Vote.IsClosed || time.GetUtcNow() - cached.At < OpenVoteTtl))
        {
            return cached.Vote;
        }

        // One read per vote at a time: a burst of ballots on an instance that has not seen the vote (or after the TTL)
        // shares it instead of each reading the meta row.
        var load = _loading.GetOrAdd(voteId, id => new Lazy<Task<Vote?>>(() => LoadVoteAsync(id)));
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, Lazy<Task<Vote?>>>(voteId, load));
        }
    }

    private async Task<Vote?> LoadVoteAsync(string voteId)
    {
        var vote = await store.GetAsync(voteId, CancellationToken.None);
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

        var now = time.GetUtcNow();
        _votes.AddOrUpdate(vote.Id, (vote, now), (_, known) => known.Vote.IsClosed && !vote.IsClosed ? known : (vote, now)); // closed is final
    }

    /// <summary>
    /// A ballot's one trip to storage: writes it (<see cref="IVoteStore.CastAsync"/>) and answers with a read that started
    /// after the write (<see cref="Writing"/>), shared with the casts around it. The receipt names the ballot version,
    /// which a close racing the ballot may or may not have counted (<see cref="VoteCloser"/>).
    /// </summary>
    public async Task<(VoteState State, string Receipt)> CastAsync(
        Vote vote, string voterId, string? voterName, string? voterChannelId, int value, CancellationToken cancellationToken)
    {
        using var writing = Writing(vote.Id);
        var receipt = await store.CastAsync(vote, voterId, voterName, voterChannelId, value, cancellationToken);
        var state = await writing.ReadAfterAsync(cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        return (state, receipt);
    }

    /// <summary>The person's own ballot: from the state for named votes, one point read for open anonymous ones.</summary>
    public async Task<int?> MyValueAsync(VoteState state, string? voterId, CancellationToken cancellationToken)
    {
        if (voterId is null)
        {
            return null;
        }

        if (!state.Vote.Anonymous)
        {
            return state.ShownBallots.FirstOrDefault(b => string.Equals(b.VoterId, voterId, StringComparison.Ordinal))?.Value;
        }

        return state.Vote.IsClosed ? null : await store.GetBallotAsync(state.Vote, voterId, cancellationToken);
    }

    /// <summary>
    /// Marks a ballot write to the vote as in flight until disposed. Reads wait (at most <see cref="MaxBatchWait"/>)
    /// while writes of this instance are in flight, so one read after a burst of writes answers all of them.
    /// </summary>
    public WriteScope Writing(string voteId)
    {
        var flight = _flights.GetOrAdd(voteId, _ => new Flight());
        lock (flight)
        {
            flight.Writes++;
        }

        return new WriteScope(this, voteId, flight);
    }

    /// <summary>
    /// A read of the vote's partition that starts after this call (so it sees the caller's completed write, and a
    /// close committed before it), shared by every caller waiting at the moment it starts.
    /// </summary>
    public Task<VoteState?> ReadFreshAsync(string voteId, CancellationToken cancellationToken)
    {
        var flight = _flights.GetOrAdd(voteId, _ => new Flight());
        lock (flight)
        {
            return Join(voteId, flight).WaitAsync(cancellationToken);
        }
    }

    // Under the flight's lock: joins the next read and starts it if it may start now.
    private Task<VoteState?> Join(string voteId, Flight flight)
    {
        if (flight.Pending is null)
        {
            flight.Pending = new TaskCompletionSource<VoteState?>(TaskCreationOptions.RunContinuationsAsynchronously);
            flight.PendingSince = time.GetTimestamp();
        }

        var task = flight.Pending.Task;
        TryLaunch(voteId, flight);
        return task;
    }

    /// <summary>Longest a read waits for this instance's in-flight writes of the same vote before it starts anyway.</summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(100);

    // Under the flight's lock: starts the pending read unless one is running, or writes are in flight and the
    // first waiter has waited less than MaxBatchWait (then a timer tries again).
    private void TryLaunch(string voteId, Flight flight)
    {
        if (flight.Reading || flight.Pending is null)
        {
            if (!flight.Reading && flight.Pending is null && flight.Writes == 0)
            {
                flight.Timer?.Dispose();
                flight.Timer = null;
                _flights.TryRemove(new KeyValuePair<string, Flight>(voteId, flight));
            }

            return;
        }

        var waited = time.GetElapsedTime(flight.PendingSince);
        if (flight.Writes > 0 && waited < MaxBatchWait)
        {
            flight.Timer ??= time.CreateTimer(_ => { lock (flight) { flight.Timer?.Dispose(); flight.Timer = null; TryLaunch(voteId, flight); } }, null, MaxBatchWait - waited, Timeout.InfiniteTimeSpan);
            return;
        }

        flight.Timer?.Dispose();
        flight.Timer = null;
        var batch = flight.Pending;
        flight.Pending = null;
        flight.Reading = true;
        _ = Task.Run(() => ReadAsync(voteId, flight, batch), CancellationToken.None);
    }

    private async Task ReadAsync(string voteId, Flight flight, TaskCompletionSource<VoteState?> batch)
    {
        try
        {
            Interlocked.Increment(ref _reads);
            var state = await store.ReadStateAsync(voteId, CancellationToken.None);
            if (state is not null)
            {
                Remember(state.Vote);
            }

            batch.TrySetResult(state);
        }
        catch (Exception exception)
        {
            batch.TrySetException(exception);
        }
        finally
        {
            lock (flight)
            {
                flight.Reading = false;
                TryLaunch(voteId, flight);
            }
        }
    }

    /// <summary>A ballot write in flight (see <see cref="Writing"/>).</summary>
    public sealed class WriteScope : IDisposable
    {
        private readonly VoteStateReader _reader;
        private readonly string _voteId;
        private readonly Flight _flight;
        private int _ended;

        internal WriteScope(VoteStateReader reader, string voteId, Flight flight) => (_reader, _voteId, _flight) = (reader, voteId, flight);

        /// <summary>Ends the write and joins the next read in one step, so the read that the end of the burst
        /// starts includes this caller (no extra read for the last writer).</summary>
        public Task<VoteState?> ReadAfterAsync(CancellationToken cancellationToken)
        {
            lock (_flight)
            {
                if (Interlocked.Exchange(ref _ended, 1) == 0)
                {
                    _flight.Writes--;
                }

                return _reader.Join(_voteId, _flight).WaitAsync(cancellationToken);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                lock (_flight)
                {
                    _flight.Writes--;
                    _reader.TryLaunch(_voteId, _flight);
                }
            }
        }
    }

    internal sealed class Flight
    {
        public int Writes { get; set; }
        public bool Reading { get; set; }
        public TaskCompletionSource<VoteState?>? Pending { get; set; }
        public long PendingSince { get; set; }
        public ITimer? Timer { get; set; }
    }
}
