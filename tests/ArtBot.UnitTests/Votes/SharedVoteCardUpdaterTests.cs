using System.Net;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;
using ArtBot.Features.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ArtBot.UnitTests.Votes;

/// <summary>
/// The shared card converges with several instances: an update reads the vote again after its PUT, and PUTs again when
/// ballots landed meanwhile (another instance's newer PUT may already have been overtaken by this older one).
/// </summary>
public sealed class SharedVoteCardUpdaterTests
{
    private const string VoteId = "0123456789abcdef01234567";

    private readonly ConnectorHarness _connector = new();
    private readonly Mock<IVoteStore> _store = new(MockBehavior.Strict);

    [Fact]
    public async Task A_PUT_overtaken_by_newer_ballots_is_followed_by_a_PUT_of_a_read_taken_after_it()
    {
        _connector.Handler.Respond(HttpStatusCode.OK, """{"id":"1"}""");
        var reads = new Queue<VoteState>([State(1), State(2), State(2)]); // the second ballot landed on another instance during the first PUT
        _store.Setup(s => s.ReadStateAsync(VoteId, It.IsAny<CancellationToken>())).ReturnsAsync(() => reads.Dequeue());

        await Updater().UpdateNowAsync(VoteId, CancellationToken.None);

        var puts = _connector.Handler.Requests.Where(r => r.Method == HttpMethod.Put).Select(r => r.Body!).ToList();
        Assert.Equal(2, puts.Count);
        Assert.Contains("1 vote so far", puts[0], StringComparison.Ordinal);
        Assert.Contains("2 votes so far", puts[1], StringComparison.Ordinal);
        Assert.Empty(reads); // and the read after the second PUT found the card up to date
    }

    [Fact]
    public async Task A_PUT_that_still_shows_the_vote_is_the_only_one()
    {
        _connector.Handler.Respond(HttpStatusCode.OK, """{"id":"1"}""");
        _store.Setup(s => s.ReadStateAsync(VoteId, It.IsAny<CancellationToken>())).ReturnsAsync(State(3));

        await Updater().UpdateNowAsync(VoteId, CancellationToken.None);

        Assert.Single(_connector.Handler.Requests, r => r.Method == HttpMethod.Put);
    }

    private SharedVoteCardUpdater Updater()
    {
        var client = _connector.Create();
        return new SharedVoteCardUpdater(
            new VoteStateReader(_store.Object, _connector.Time), new RosterCache(client, _connector.Time, NullLogger<RosterCache>.Instance),
            new SharedCardUpdater(client, _connector.Time, NullLogger<SharedCardUpdater>.Instance));
    }

    private static VoteState State(int ballots) => new(
        new Vote
        {
            Id = VoteId,
            TenantId = ConnectorHarness.Tenant,
            ConversationId = ConnectorHarness.Conversation,
            PostedConversationId = ConnectorHarness.Conversation,
            ServiceUrl = ConnectorHarness.ServiceUrl,
            Question = "Q?",
            CreatorId = "creator",
            ActivityId = "posted-1",
        },
        [.. Enumerable.Range(0, ballots).Select(_ => new Ballot(3, null))],
        [],
        null);
}
