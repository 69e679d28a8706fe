using ArtBot.Tests.Shared;
using System.Collections.Concurrent;
using ArtBot.Domain.Votes;
using ArtBot.Features.Votes;
using Moq;

namespace ArtBot.UnitTests.Votes;

/// <summary>Single-flight reads: concurrent callers share one read, and nobody gets a read that started before they asked.</summary>
public sealed class VoteStateReaderTests
{
    private const string VoteId = "0123456789abcdef01234567";

    private readonly ConcurrentQueue<TaskCompletionSource<VoteState?>> _reads = new();
    private readonly ChangeSignal _readsStarted = new();
    private readonly Mock<IVoteStore> _store = new(MockBehavior.Strict);
    private readonly TimerCountingTimeProvider _time = new();

    public VoteStateReaderTests() =>
        _store.Setup(s => s.ReadStateAsync(VoteId, It.IsAny<CancellationToken>())).Returns(() =>
        {
            var read = new TaskCompletionSource<VoteState?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _readsStarted.Change(() => _reads.Enqueue(read));
            return read.Task;
        });

    [Fact]
    public async Task Callers_arriving_while_a_read_runs_share_the_next_read_not_the_running_one()
    {
        var reader = new VoteStateReader(_store.Object, _time);
        var first = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        var running = await ReadStartedAsync(1);

        var later = Enumerable.Range(0, 50).Select(_ => reader.ReadFreshAsync(VoteId, CancellationToken.None)).ToList();
        running.SetResult(State(1));

        Assert.Single((await first)!.Ballots);
        var next = await ReadStartedAsync(2);
        Assert.All(later, t => Assert.False(t.IsCompleted));
        next.SetResult(State(2));
        var results = await Task.WhenAll(later);

        Assert.All(results, r => Assert.Equal(2, r!.Ballots.Count));
        Assert.Equal(2, _reads.Count);
        Assert.Equal(2, reader.Reads);
    }

    [Fact]
    public async Task A_read_waits_for_the_writes_in_flight_so_one_read_answers_the_whole_burst()
    {
        var reader = new VoteStateReader(_store.Object, _time) { MaxBatchWait = TimeSpan.FromMinutes(1) };
        var writes = Enumerable.Range(0, 10).Select(_ => reader.Writing(VoteId)).ToList();

        var waiting = new List<Task<VoteState?>>();
        for (var i = 0; i < writes.Count; i++)
        {
            waiting.Add(writes[i].ReadAfterAsync(CancellationToken.None));
            if (i < writes.Count - 1)
            {
                Assert.Empty(_reads); // nothing starts while writes are in flight
            }
        }

        (await ReadStartedAsync(1)).SetResult(State(10));
        var results = await Task.WhenAll(waiting);
        Assert.All(results, r => Assert.Equal(10, r!.Ballots.Count));
        Assert.Single(_reads);
    }

    [Fact]
    public async Task A_read_waits_for_writes_exactly_up_to_the_batch_bound_and_then_starts()
    {
        var reader = new VoteStateReader(_store.Object, _time) { MaxBatchWait = TimeSpan.FromMilliseconds(100) };
        using var stuck = reader.Writing(VoteId);

        var read = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        Assert.Equal(1, _time.PendingTimers);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Empty(_reads); // not before the bound
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await ReadStartedAsync(1)).SetResult(State(1));
        Assert.NotNull(await read);
    }

    [Fact]
    public async Task An_open_vote_is_served_from_the_cache_for_exactly_its_time_to_live()
    {
        _store.Setup(s => s.GetAsync(VoteId, It.IsAny<CancellationToken>())).ReturnsAsync(State(0).Vote);
        var reader = new VoteStateReader(_store.Object, _time) { OpenVoteTtl = TimeSpan.FromSeconds(2) };

        await reader.GetVoteAsync(VoteId, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        await reader.GetVoteAsync(VoteId, CancellationToken.None);
        _store.Verify(s => s.GetAsync(VoteId, It.IsAny<CancellationToken>()), Times.Once);

        _time.Advance(TimeSpan.FromTicks(1));
        await reader.GetVoteAsync(VoteId, CancellationToken.None);
        _store.Verify(s => s.GetAsync(VoteId, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_read_after_the_flight_ended_starts_a_new_one()
    {
        var reader = new VoteStateReader(_store.Object, _time);
        var first = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        (await ReadStartedAsync(1)).SetResult(State(1));
        await first;

        var second = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        (await ReadStartedAsync(2)).SetResult(State(3));

        Assert.Equal(3, (await second)!.Ballots.Count);
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_and_the_next_caller_reads_again()
    {
        var reader = new VoteStateReader(_store.Object, _time);
        var first = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        (await ReadStartedAsync(1)).SetException(new TimeoutException("storage"));

        await Assert.ThrowsAsync<TimeoutException>(() => first);
        var second = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        (await ReadStartedAsync(2)).SetResult(State(1));
        Assert.NotNull(await second);
    }

    [Fact]
    public async Task The_vote_is_read_once_then_served_from_the_cache_and_a_fresh_read_updates_it()
    {
        var vote = State(0).Vote;
        _store.Setup(s => s.GetAsync(VoteId, It.IsAny<CancellationToken>())).ReturnsAsync(vote);
        var reader = new VoteStateReader(_store.Object, _time);

        await reader.GetVoteAsync(VoteId, CancellationToken.None);
        await reader.GetVoteAsync(VoteId, CancellationToken.None);
        _store.Verify(s => s.GetAsync(VoteId, It.IsAny<CancellationToken>()), Times.Once);

        var fresh = reader.ReadFreshAsync(VoteId, CancellationToken.None);
        (await ReadStartedAsync(1)).SetResult(State(0) with { Vote = vote with { ClosedAt = DateTimeOffset.UnixEpoch } });
        await fresh;
        Assert.True((await reader.GetVoteAsync(VoteId, CancellationToken.None))!.IsClosed);
    }

    private async Task<TaskCompletionSource<VoteState?>> ReadStartedAsync(int count)
    {
        await _readsStarted.When(() => _reads.Count >= count).WithinDeadline($"read {count} started");
        return _reads.ElementAt(count - 1);
    }

    [Fact]
    public async Task A_burst_of_ballots_on_an_instance_that_has_not_seen_the_vote_reads_its_meta_row_once()
    {
        var meta = new TaskCompletionSource<Vote?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var metaReads = 0;
        _store.Setup(s => s.GetAsync(VoteId, It.IsAny<CancellationToken>())).Returns(() =>
        {
            Interlocked.Increment(ref metaReads);
            return meta.Task;
        });
        var reader = new VoteStateReader(_store.Object, _time);

        var burst = Enumerable.Range(0, 50).Select(_ => reader.GetVoteAsync(VoteId, CancellationToken.None)).ToList();
        meta.SetResult(State(0).Vote);
        var votes = await Task.WhenAll(burst);

        Assert.Equal(1, metaReads);
        Assert.All(votes, v => Assert.Equal(VoteId, v!.Id));
    }

    private static VoteState State(int ballots) => new(
        new Vote
        {
            Id = VoteId,
            TenantId = "t",
            ConversationId = "c",
            PostedConversationId = "c",
            ServiceUrl = "https://example.test/",
            Question = "Q?",
            CreatorId = "creator",
        },
        [.. Enumerable.Range(0, ballots).Select(_ => new Ballot(3, null))],
        [],
        null);
}
