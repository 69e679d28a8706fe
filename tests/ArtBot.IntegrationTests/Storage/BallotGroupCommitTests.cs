using ArtBot.Domain.Votes;
using ArtBot.Storage;
using ArtBot.Storage.Votes;
using ArtBot.Tests.Shared;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace ArtBot.IntegrationTests.Storage;

/// <summary>
/// The ballots of a burst reach Azurite together: while one write of a vote is in flight, the ballots that arrive wait
/// and then go as one transaction (at most 100 rows, each voter's row once), and each caller gets its own receipt.
/// The first write is held at the pipeline until every ballot is queued, so the grouping is exact, not a matter of timing.
/// </summary>
public sealed class BallotGroupCommitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly string[] Tables = ["votes", "voteindex", "votedue"];
    private readonly HeldRequests _requests = new();
    private VoteStore _store = null!;

    public async Task InitializeAsync()
    {
        var options = StorageClientOptions.Create();
        options.AddPolicy(_requests, HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        var names = Tables.Select(AzuriteFixture.NewTableName).ToArray();
        foreach (var name in names)
        {
            await service.GetTableClient(name).CreateIfNotExistsAsync();
        }

        _store = new VoteStore(service.GetTableClient(names[0]), service.GetTableClient(names[1]), service.GetTableClient(names[2]));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_burst_is_three_storage_requests_each_voter_in_order_and_every_receipt_names_the_stored_row()
    {
        var vote = await NewVoteAsync();
        _requests.HoldNext();

        // v0 goes alone (held); then v1, v1 again, v2..v120 queue behind it.
        var casts = new List<(string Voter, int Value, Task<string> Receipt)> { Cast(vote, 0, 1) };
        casts.Add(Cast(vote, 1, 2));
        casts.Add(Cast(vote, 1, 5)); // the same voter changing their mind: after the first, not beside it
        casts.AddRange(Enumerable.Range(2, 119).Select(i => Cast(vote, i, 1 + (i % 5))));
        _requests.Release();
        var receipts = await Task.WhenAll(casts.Select(c => c.Receipt));

        // [v0], [v1, v2..v100] (100 rows, v1's second ballot left for the next), [v1 again, v101..v120].
        Assert.Equal(3, _requests.Count);
        var state = (await _store.ReadStateAsync(vote.Id, CancellationToken.None))!;
        Assert.Equal(121, state.Ballots.Count);
        Assert.Equal(5, state.Ballots.Single(b => b.VoterId == "voter-1").Value);
        var stored = state.Ballots.Select(b => b.Receipt).ToHashSet();
        var latest = casts.Select((c, i) => (c.Voter, Receipt: receipts[i])).GroupBy(c => c.Voter).Select(g => g.Last().Receipt);
        Assert.All(latest, receipt => Assert.Contains(receipt, stored));
        Assert.DoesNotContain(receipts[1], stored); // v1's first ballot was replaced
    }

    [Fact]
    public async Task A_write_storage_does_not_answer_fails_each_of_its_ballots_and_the_next_ballots_are_written()
    {
        var vote = await NewVoteAsync();
        _requests.HoldNext();
        var first = Cast(vote, 0, 3);
        var failing = Enumerable.Range(1, 5).Select(i => Cast(vote, i, 4)).ToList();
        _requests.FailNext();
        _requests.Release();

        await first.Receipt;
        foreach (var cast in failing)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => cast.Receipt);
        }

        await Cast(vote, 1, 2).Receipt;
        var state = (await _store.ReadStateAsync(vote.Id, CancellationToken.None))!;
        Assert.Equal([("voter-0", 3), ("voter-1", 2)], state.Ballots.Select(b => (b.VoterId, b.Value)).Order());
    }

    [Fact]
    public async Task A_ballot_storage_refuses_fails_alone_and_the_others_of_its_transaction_are_written()
    {
        var vote = await NewVoteAsync();
        _requests.HoldNext();
        var first = Cast(vote, 0, 3);
        var others = Enumerable.Range(1, 4).Select(i => Cast(vote, i, 4)).ToList();
        var refused = _store.CastAsync(vote, "voter-9", new string('x', 40_000), null, 5, CancellationToken.None); // over 64 KiB: Table Storage refuses the row
        _requests.Release();

        await first.Receipt;
        await Task.WhenAll(others.Select(c => c.Receipt));
        var error = await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => refused);

        Assert.Equal(400, error.Status);
        Assert.Equal(1 + 1 + 5, _requests.Count); // v0; the transaction of the five, refused; then each of the five alone
        var state = (await _store.ReadStateAsync(vote.Id, CancellationToken.None))!;
        Assert.Equal(["voter-0", "voter-1", "voter-2", "voter-3", "voter-4"], state.Ballots.Select(b => b.VoterId).Order());
    }

    private (string Voter, int Value, Task<string> Receipt) Cast(Vote vote, int voter, int value) =>
        ($"voter-{voter}", value, _store.CastAsync(vote, $"voter-{voter}", $"Voter {voter}", null, value, CancellationToken.None));

    private async Task<Vote> NewVoteAsync()
    {
        var vote = new Vote
        {
            Id = Guid.NewGuid().ToString("N"),
            TenantId = "tenant",
            ConversationId = "19:burst@thread.tacv2",
            PostedConversationId = "19:burst@thread.tacv2",
            ServiceUrl = "https://smba.example/",
            Question = "Burst?",
            CreatorId = "creator",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True(await _store.CreateAsync(vote, CancellationToken.None));
        return vote;
    }

    /// <summary>Counts the requests after <see cref="HoldNext"/>, holds the first until <see cref="Release"/>, and can fail the second as unanswered.</summary>
    private sealed class HeldRequests : HttpPipelinePolicy
    {
        private TaskCompletionSource? _gate;
        private int _count = -1;
        private bool _failSecond;

        public int Count => Volatile.Read(ref _count);

        public void HoldNext()
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _count = 0;
        }

        public void FailNext() => _failSecond = true;

        public void Release() => _gate!.SetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var n = _count < 0 ? 0 : Interlocked.Increment(ref _count);
            if (n == 1)
            {
                await _gate!.Task;
            }
            else if (n == 2 && _failSecond)
            {
                throw new StorageUnavailableException("Table Storage did not answer: held by the test", new TimeoutException());
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();
    }
}
