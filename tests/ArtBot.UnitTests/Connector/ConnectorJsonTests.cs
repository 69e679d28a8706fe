using ArtBot.Tests.Shared;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorJsonTests
{
    private readonly ConnectorHarness _harness = new();
    private readonly ConnectorClient _client;

    public ConnectorJsonTests() => _client = _harness.Create();

    [Fact]
    public async Task Reply_body_is_the_activity_with_reply_to_id()
    {
        await _client.ReplyToActivityAsync(ConnectorHarness.ServiceUrl, "t", "c1", "act-9", Activity.CreateMessage("Hello **team**"));

        AssertJson("""{"type":"message","text":"Hello **team**","replyToId":"act-9"}""", _harness.Handler.Last.Body);
        Assert.Equal("application/json; charset=utf-8", _harness.Handler.Last.ContentType);
    }

    [Fact]
    public async Task Send_defaults_a_missing_type_to_message_and_keeps_attachments()
    {
        using var content = JsonDocument.Parse("""{"type":"AdaptiveCard"}""");
        var card = new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = content.RootElement.Clone() };
        await _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "t", "c1", new Activity { Attachments = [card] });

        AssertJson(
            """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}]}""",
            _harness.Handler.Last.Body);
    }

    [Fact]
    public async Task Personal_conversation_body_has_bot_member_tenant_and_channel_data_tenant()
    {
        await _client.CreatePersonalConversationAsync(ConnectorHarness.ServiceUrl, "tid", "28:bot", "29:user", Activity.CreateMessage("Welcome"));

        AssertJson(
            """
            {"isGroup":false,"bot":{"id":"28:bot"},"members":[{"id":"29:user"}],"tenantId":"tid",
             "activity":{"type":"message","text":"Welcome"},"channelData":{"tenant":{"id":"tid"}}}
            """,
            _harness.Handler.Last.Body);
    }

    [Fact]
    public async Task Channel_thread_body_has_channel_activity_and_tenant()
    {
        await _client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, "tid", "19:abc@thread.tacv2", Activity.CreateMessage("PI planning starts"));

        AssertJson(
            """
            {"isGroup":true,"tenantId":"tid","activity":{"type":"message","text":"PI planning starts"},
             "channelData":{"channel":{"id":"19:abc@thread.tacv2"}}}
            """,
            _harness.Handler.Last.Body);
    }

    [Fact]
    public async Task Update_body_is_the_full_activity_with_its_id()
    {
        await _client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, "t", "c1", "act-5", Activity.CreateMessage("Votes: 3"));

        AssertJson("""{"type":"message","id":"act-5","text":"Votes: 3"}""", _harness.Handler.Last.Body);
    }

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected {expectedNode?.ToJsonString()}\nActual   {actualNode?.ToJsonString()}");
    }
}
