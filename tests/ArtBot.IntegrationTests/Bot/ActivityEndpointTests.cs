using System.Net;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Bot;

/// <summary>Routing and bad input on <c>POST /api/messages</c>: 4xx for bad requests, never a 500.</summary>
[Collection(BotTests.Name)]
public sealed class ActivityEndpointTests(BotHost bot)
{
    private string ValidHeader => TestTokenIssuer.Bearer(bot.Tokens.CreateToken(BotHost.AppId, bot.Connector.ServiceUrl));

    [Theory]
    [InlineData("{")]
    [InlineData("{\"type\":\"message\",\"text\":\"hel")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("{\"type\": 42}")]
    public async Task Malformed_or_truncated_json_is_a_400(string body)
    {
        var response = await bot.PostRawAsync(body, ValidHeader);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_type_is_a_400()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity.Remove("type");

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_a_400()
    {
        var response = await bot.PostRawAsync("", ValidHeader);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity["text"] = new string('x', 1_100_000);

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    [InlineData("messageUpdate")]
    public async Task An_unknown_or_unhandled_activity_type_is_acknowledged(string type)
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity["type"] = type;

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_invoke_is_answered_not_implemented()
    {
        var activity = bot.Payload(TeamsPayloads.CardAction);
        activity["name"] = "application/unknownThing";

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task A_message_reaction_is_routed_and_acknowledged()
    {
        var response = await bot.PostAsync(bot.Payload(TeamsPayloads.Reaction));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_handled_once()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        var concurrent = await Task.WhenAll(bot.PostAsync(activity), bot.PostAsync(JsonNode.Parse(activity.ToJsonString())!.AsObject()));
        var third = await bot.PostAsync(activity);

        Assert.All(concurrent.Append(third), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal));
        // A different activity in the same conversation is answered, proving the first answer had arrived
        // before we count: the duplicates produced nothing more.
        var marker = bot.Payload(TeamsPayloads.PersonalMessage, conversationId);
        await bot.PostAsync(marker);
        await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal), count: 2);
        Assert.Equal(2, bot.Connector.Requests.Count(r => r.Path.Contains(conversationId, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("a:evil/../id")]
    [InlineData("19:hash#tag@thread.tacv2")]
    [InlineData("19:o'brien@thread.tacv2")]
    [InlineData("19:100%25@thread.tacv2")]
    [InlineData("a:question?mark")]
    public async Task Ids_with_key_unsafe_characters_are_handled_without_a_500(string conversationId)
    {
        var install = bot.Payload(TeamsPayloads.InstallationAddPersonal, conversationId);
        var message = bot.Payload(TeamsPayloads.PersonalMessage, conversationId);

        var installed = await bot.PostAsync(install);
        var answered = await bot.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var conversations = new ArtBot.Storage.Conversations.ConversationStore(bot.Table("conversations"));
        var stored = await conversations.GetAsync(install["conversation"]!["tenantId"]!.GetValue<string>(), conversationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(conversationId, stored.ConversationId);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_authentication()
    {
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/health/ready")).StatusCode);
    }
}
