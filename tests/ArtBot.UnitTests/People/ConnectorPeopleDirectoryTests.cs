using ArtBot.Tests.Shared;
using System.Net;
using ArtBot.Features.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace ArtBot.UnitTests.People;

public sealed class ConnectorPeopleDirectoryTests : IDisposable
{
    private readonly ConnectorHarness _harness = new();
    private readonly MemoryCache _cache;
    private readonly CapturingLogger<ConnectorPeopleDirectory> _log = new();
    private readonly GraphOptions _options = new();

    public ConnectorPeopleDirectoryTests() => _cache = PeopleDoubles.NewCache(_harness.Time);

    public void Dispose() => _cache.Dispose();

    private ConnectorPeopleDirectory Create() =>
        new(_harness.Create(), Microsoft.Extensions.Options.Options.Create(_options), _cache, _log);

    [Fact]
    public async Task Team_members_are_the_channel_members_across_pages()
    {
        _harness.Handler
            .Respond(HttpStatusCode.OK, """
                {"continuationToken":"page 2/=","members":[
                  {"id":"29:1a","name":"Ada Lovelace","aadObjectId":"u1","email":"ada@contoso.com","userPrincipalName":"ada@contoso.com","tenantId":"tenant-1","userRole":"user"},
                  {"id":"29:2b","givenName":"Grace","surname":"Hopper","aadObjectId":"u2","userPrincipalName":"grace@contoso.com"}]}
                """)
            .Respond(HttpStatusCode.OK, """
                {"members":[
                  {"id":"29:3c","name":"Guest","email":"guest@fabrikam.com"},
                  {"id":"29:1a","name":"Ada Lovelace","aadObjectId":"u1"}]}
                """);
        var directory = Create();

        var people = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);

        Assert.False(directory.UsesGraph);
        Assert.Equal(["u1", "u2", "29:3c"], people.Select(p => p.Id));
        Assert.Equal(["Ada Lovelace", "Grace Hopper", "Guest"], people.Select(p => p.Name));
        Assert.Equal(["29:1a", "29:2b", "29:3c"], people.Select(p => p.TeamsUserId));
        Assert.Equal(["ada@contoso.com", "grace@contoso.com", "guest@fabrikam.com"], people.Select(p => p.Email));
        var requests = _harness.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(
            "https://smba.trafficmanager.net/amer/tenant-1/v3/conversations/19%3Ateam-channel%40thread.tacv2/pagedmembers?pageSize=500",
            requests[0].Uri.AbsoluteUri);
        Assert.EndsWith("pagedmembers?pageSize=500&continuationToken=page%202%2F%3D", requests[1].Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task Rosters_are_cached_for_the_cache_duration()
    {
        const string Roster = """{"members":[{"id":"29:1a","name":"Ada","aadObjectId":"u1"}]}""";
        _harness.Handler.Respond(HttpStatusCode.OK, Roster).Respond(HttpStatusCode.OK, Roster);
        var directory = Create();

        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        Assert.Equal(1, _harness.Handler.Count);
        _harness.Time.Advance(_options.CacheDuration);
        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        Assert.Equal(2, _harness.Handler.Count);
    }

    [Fact]
    public async Task With_a_zero_cache_duration_every_roster_is_read()
    {
        const string Roster = """{"members":[{"id":"29:1a","name":"Ada","aadObjectId":"u1"}]}""";
        _harness.Handler.Respond(HttpStatusCode.OK, Roster).Respond(HttpStatusCode.OK, Roster);
        _options.CacheDuration = TimeSpan.Zero;
        var directory = Create();

        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);

        Assert.Equal(2, _harness.Handler.Count);
    }

    [Fact]
    public async Task A_roster_that_cannot_be_read_is_empty_and_said_in_the_log()
    {
        _harness.Handler.Respond(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        var directory = Create();

        var people = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);

        Assert.Empty(people);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("19:team-channel@thread.tacv2", StringComparison.Ordinal) && l.Text.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nobody_is_out_of_office_without_Graph()
    {
        var directory = Create();

        var away = await directory.GetOutOfOfficeAsync(["u1", "u2"], CancellationToken.None);

        Assert.Empty(away);
        Assert.Equal(0, _harness.Handler.Count);
    }
}
