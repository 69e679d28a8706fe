using ArtBot.Tests.Shared;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorUrlTests
{
    private const string Base = "https://smba.trafficmanager.net/amer/tenant-1";
    private const string EscapedConversation = "a%3A1Xy%40thread%3Bv2";

    private readonly ConnectorHarness _harness = new();
    private readonly ConnectorClient _client;

    public ConnectorUrlTests() => _client = _harness.Create();

    [Fact]
    public async Task Reply_posts_to_the_activity_with_escaped_ids_and_trimmed_service_URL()
    {
        await _client.ReplyToActivityAsync(ConnectorHarness.ServiceUrl, "t", ConnectorHarness.Conversation, "1:23", Activity.CreateMessage("hi"));

        Assert.Equal(HttpMethod.Post, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v3/conversations/{EscapedConversation}/activities/1%3A23", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Send_posts_to_the_conversation_activities()
    {
        await _client.SendToConversationAsync(Base, "t", ConnectorHarness.Conversation, Activity.CreateMessage("hi"));

        Assert.Equal(HttpMethod.Post, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v3/conversations/{EscapedConversation}/activities", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Update_puts_the_activity()
    {
        await _client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, "t", ConnectorHarness.Conversation, "17", Activity.CreateMessage("hi"));

        Assert.Equal(HttpMethod.Put, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v3/conversations/{EscapedConversation}/activities/17", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Delete_deletes_the_activity_without_a_body()
    {
        await _client.DeleteActivityAsync(ConnectorHarness.ServiceUrl, "t", ConnectorHarness.Conversation, "17");

        Assert.Equal(HttpMethod.Delete, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v3/conversations/{EscapedConversation}/activities/17", _harness.Handler.Last.Uri.AbsoluteUri);
        Assert.Null(_harness.Handler.Last.Body);
    }

    [Fact]
    public async Task Create_conversation_posts_to_conversations()
    {
        await _client.CreatePersonalConversationAsync(ConnectorHarness.ServiceUrl, "t", "28:bot", "29:user");

        Assert.Equal(HttpMethod.Post, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v3/conversations", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Members_gets_the_roster()
    {
        _harness.Handler.Respond(System.Net.HttpStatusCode.OK, "[]");
        await _client.GetConversationMembersAsync(ConnectorHarness.ServiceUrl, "t", ConnectorHarness.Conversation);

        Assert.Equal(HttpMethod.Get, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v3/conversations/{EscapedConversation}/members", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Paged_members_carries_page_size_and_escaped_continuation_token()
    {
        _harness.Handler.Respond(System.Net.HttpStatusCode.OK, """{"members":[]}""");
        await _client.GetConversationPagedMembersAsync(ConnectorHarness.ServiceUrl, "t", "19:team@thread.tacv2", 100, "a+b/c=");

        Assert.Equal(
            $"{Base}/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=a%2Bb%2Fc%3D",
            _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Paged_members_without_paging_arguments_has_no_query()
    {
        _harness.Handler.Respond(System.Net.HttpStatusCode.OK, """{"members":[]}""");
        await _client.GetConversationPagedMembersAsync(ConnectorHarness.ServiceUrl, "t", "c1");

        Assert.Equal($"{Base}/v3/conversations/c1/pagedmembers", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Single_member_escapes_the_user_id()
    {
        _harness.Handler.Respond(System.Net.HttpStatusCode.OK, """{"id":"29:u"}""");
        await _client.GetConversationMemberAsync(ConnectorHarness.ServiceUrl, "t", "c1", "ada@contoso.com");

        Assert.Equal($"{Base}/v3/conversations/c1/members/ada%40contoso.com", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Team_details_and_channels_use_the_teams_path()
    {
        _harness.Handler.Respond(System.Net.HttpStatusCode.OK, """{"id":"19:t"}""");
        _harness.Handler.Respond(System.Net.HttpStatusCode.OK, """{"conversations":[]}""");
        await _client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, "t", "19:t@thread.tacv2");
        await _client.GetTeamChannelsAsync(ConnectorHarness.ServiceUrl, "t", "19:t@thread.tacv2");

        var requests = _harness.Handler.Requests;
        Assert.All(requests, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.Equal($"{Base}/v3/teams/19%3At%40thread.tacv2", requests[0].Uri.AbsoluteUri);
        Assert.Equal($"{Base}/v3/teams/19%3At%40thread.tacv2/conversations", requests[1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Playground_style_service_URL_with_a_path_keeps_its_path()
    {
        await _client.SendToConversationAsync("http://localhost:56150/_connector", null, "c1", Activity.CreateMessage("hi"));

        Assert.Equal("http://localhost:56150/_connector/v3/conversations/c1/activities", _harness.Handler.Last.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/")]
    public async Task A_bad_service_URL_is_an_argument_error_not_a_request(string serviceUrl)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            _client.SendToConversationAsync(serviceUrl, "t", "c1", Activity.CreateMessage("hi")));
        Assert.Equal(0, _harness.Handler.Count);
    }
}
