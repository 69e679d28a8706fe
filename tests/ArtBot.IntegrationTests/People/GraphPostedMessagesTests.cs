using ArtBot.Tests.Shared;
using System.Net;
using ArtBot.BotFramework;
using ArtBot.Features.People;
using ArtBot.Features.Sync;

namespace ArtBot.IntegrationTests.People;

/// <summary>The search for an interrupted send's post, through the real Graph SDK against the fake Graph.</summary>
public sealed class GraphPostedMessagesTests
{
    private const string BotAppId = "8f2c3b1e-5d4a-4c9b-9e7f-1a2b3c4d5e6f";
    private const string Channel = "19:team-channel@thread.tacv2";
    private static readonly DateTimeOffset SentAt = new(2027, 3, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] PromptMarkers = [CheckInCard.AnswerVerb, "art-1", "2027-03-29"];

    [Fact]
    public async Task The_bots_card_holding_every_marker_is_found_among_other_messages()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddMessage("g1", Channel, FakeGraphServer.Message("m1", SentAt.AddSeconds(-30), BotAppId, card: Card("art-1", "2027-03-22"))); // last week's
        h.Server.AddMessage("g1", Channel, FakeGraphServer.Message("m2", SentAt.AddSeconds(1), BotAppId, card: Card("art-1", "2027-03-29")));
        h.Server.AddMessage("g1", Channel, FakeGraphServer.Message("m3", SentAt.AddSeconds(2), html: "<p>sync.answer art-1 2027-03-29</p>")); // a person quoting it
        h.Server.AddMessage("g1", Channel, FakeGraphServer.Message("m4", SentAt.AddSeconds(3), "another-app", card: Card("art-1", "2027-03-29")));

        var found = await Create(h).FindAsync(new PostQuery("g1", Channel, null, PromptMarkers, SentAt.AddMinutes(-5)), CancellationToken.None);

        Assert.Equal(new PostSearch(PostSearchResult.Posted, "m2"), found);
        var request = Assert.Single(h.Server.Requests);
        Assert.Equal($"/teams/g1/channels/{Channel}/messages?$top=50", Uri.UnescapeDataString(request.Path));
        Assert.Equal("Bearer " + GraphCredential.Token, request.Authorization);
    }

    [Fact]
    public async Task Not_posted_once_the_newest_first_pages_reach_back_past_the_time()
    {
        await using var h = await GraphHarness.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            h.Server.AddMessage("g1", Channel, FakeGraphServer.Message($"u{i:000}", SentAt.AddSeconds(60 - i), html: $"<p>message {i}</p>"));
        }

        var found = await Create(h).FindAsync(new PostQuery("g1", Channel, null, PromptMarkers, SentAt), CancellationToken.None);

        Assert.Equal(PostSearch.NotPosted, found);
        Assert.Equal(2, h.Server.Requests.Count); // the second page holds messages older than the time: no third
        Assert.Contains("$skiptoken=50", h.Server.Requests[1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_posted_when_the_list_ends_and_older_posts_do_not_count()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddMessage("g1", Channel, FakeGraphServer.Message("m1", SentAt.AddMinutes(-6), BotAppId, card: Card("art-1", "2027-03-29")));

        var found = await Create(h).FindAsync(new PostQuery("g1", Channel, null, PromptMarkers, SentAt.AddMinutes(-5)), CancellationToken.None);

        Assert.Equal(PostSearch.NotPosted, found);
    }

    [Fact]
    public async Task A_reply_is_looked_for_in_the_threads_replies()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddMessage("g1", Channel, FakeGraphServer.Message("r1", SentAt.AddSeconds(1), BotAppId, html: "<p>Reminder: the ART sync is Monday 10:00 and this team's check-in is not in yet.</p>"), threadId: "1711699200000");

        var found = await Create(h).FindAsync(new PostQuery("g1", Channel, "1711699200000", ["Reminder: the ART sync"], SentAt.AddMinutes(-5)), CancellationToken.None);

        Assert.Equal(new PostSearch(PostSearchResult.Posted, "r1"), found);
        Assert.EndsWith("/messages/1711699200000/replies?$top=50", Uri.UnescapeDataString(Assert.Single(h.Server.Requests).Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_without_a_group_id_when_Graph_refuses_and_past_the_page_limit()
    {
        await using var h = await GraphHarness.StartAsync();
        var search = Create(h);
        Assert.Equal(PostSearch.Unknown, await search.FindAsync(new PostQuery(null, Channel, null, PromptMarkers, SentAt), CancellationToken.None));
        Assert.Empty(h.Server.Requests);

        h.Server.Fail("/teams/g-locked", HttpStatusCode.Forbidden);
        Assert.Equal(PostSearch.Unknown, await search.FindAsync(new PostQuery("g-locked", Channel, null, PromptMarkers, SentAt), CancellationToken.None));

        for (var i = 0; i < (GraphPostedMessages.MaxPages * GraphPostedMessages.PageSize) + 1; i++)
        {
            h.Server.AddMessage("g-busy", Channel, FakeGraphServer.Message($"b{i:000}", SentAt.AddMinutes(10).AddMilliseconds(-i), html: "<p>busy</p>"));
        }

        Assert.Equal(PostSearch.Unknown, await search.FindAsync(new PostQuery("g-busy", Channel, null, PromptMarkers, SentAt), CancellationToken.None));
        Assert.Equal(GraphPostedMessages.MaxPages, h.Server.Requests.Count(r => r.Path.StartsWith("/teams/g-busy", StringComparison.Ordinal)));
    }

    private static GraphPostedMessages Create(GraphHarness h) => new(
        h.CreateGraph(),
        Microsoft.Extensions.Options.Options.Create(new BotFrameworkOptions { MicrosoftAppId = BotAppId }),
        new CapturingLogger<GraphPostedMessages>());

    private static string Card(string artId, string occurrence) =>
        $$$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"ART sync check-in: Rocket"}],"actions":[{"type":"Action.Execute","title":"Send check-in","verb":"{{{CheckInCard.AnswerVerb}}}","data":{"artId":"{{{artId}}}","occurrence":"{{{occurrence}}}"}}]}""";
}
