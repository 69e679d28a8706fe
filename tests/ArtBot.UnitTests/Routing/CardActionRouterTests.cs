using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Routing;

/// <summary>Universal Actions are dispatched by verb; anything else is a clear error body, not an exception.</summary>
public sealed class CardActionRouterTests
{
    private static TurnContext Invoke(string value) => Turns.For(new Activity
    {
        Type = ActivityTypes.Invoke,
        Name = CardActionRouter.InvokeName,
        Id = "act-1",
        Conversation = new ConversationAccount { Id = "a:1" },
        Value = JsonDocument.Parse(value).RootElement.Clone(),
    });

    private static readonly InvokeResponse Handled = new(200);

    [Fact]
    public async Task The_verb_s_handler_gets_the_action_data()
    {
        JsonElement? seen = null;
        var router = new CardActionRouter().On("vote.cast", (_, data, _) => { seen = data; return Task.FromResult(Handled); });

        var response = await router.RouteAsync(Invoke("""{"action":{"type":"Action.Execute","verb":"vote.cast","data":{"value":4}},"trigger":"manual"}"""), CancellationToken.None);

        Assert.Same(Handled, response);
        Assert.Equal(4, seen!.Value.GetProperty("value").GetInt32());
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"unknown.verb"}}""")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"vote.cast"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""")]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{"action":"not an object"}""")]
    [InlineData("[1,2]")]
    public async Task Anything_else_is_a_not_supported_error_body(string value)
    {
        var router = new CardActionRouter().On("vote.cast", (_, _, _) => Task.FromResult(Handled));

        var response = await router.RouteAsync(Invoke(value), CancellationToken.None);

        Assert.Equal(200, response.Status);
        var body = response.Body!.Value;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, body.GetProperty("type").GetString());
        Assert.Equal("NotSupported", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public void A_verb_registered_twice_is_refused()
    {
        var router = new CardActionRouter().On("vote.cast", (_, _, _) => Task.FromResult(Handled));

        Assert.Throws<InvalidOperationException>(() => router.On("vote.cast", (_, _, _) => Task.FromResult(Handled)));
    }
}
