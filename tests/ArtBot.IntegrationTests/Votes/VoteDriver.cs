using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>Drives votes through /api/messages the way Teams does: a command message, then Action.Execute invokes.</summary>
internal sealed class VoteDriver(BotHost bot, HttpClient? instance = null)
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private VoteDriver(BotHost bot, HttpClient? instance, string conversationId)
        : this(bot, instance) => ConversationId = conversationId;

    public string ConversationId { get; } = TeamsPayloads.NewConversationId("channel");

    /// <summary>Mints the channel token for another host (default: valid now by the real clock).</summary>
    public Func<string>? Token { get; init; }

    /// <summary>Posts <c>@ArtBot {text}</c> in the channel as <paramref name="userAad"/>; returns the card posted, if any.</summary>
    public async Task<RecordedRequest> CommandAsync(string text, string userAad = "creator-aad", string userName = "Ceri Creator", Action<JsonObject>? customize = null)
    {
        var before = bot.Connector.Requests.Count(r => IsMine(r) && r.Method == "POST");
        var activity = bot.Payload(TeamsPayloads.ChannelMention, ConversationId);
        activity["text"] = "<at>ArtBot</at> " + text;
        SetFrom(activity, userAad, userName);
        customize?.Invoke(activity);
        var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await bot.Connector.WaitForAsync(r => IsMine(r) && r.Method == "POST", before + 1))[before];
    }

    /// <summary>Starts a vote; returns its id (from the card's buttons) and the posted card request.</summary>
    public async Task<(string VoteId, RecordedRequest Posted)> StartAsync(string question, bool anonymous = false)
    {
        var posted = await CommandAsync((anonymous ? "vote anonymous " : "vote ") + question);
        return (VoteIdOf(posted), posted);
    }

    /// <summary>Posts an Action.Execute invoke; returns the HTTP status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(
        string verb, JsonObject data, string userAad, string userName = "Voter", string? conversationId = null, string? tenantId = null,
        Action<JsonObject>? customize = null)
    {
        var activity = bot.Payload(TeamsPayloads.CardAction, conversationId ?? ConversationId);
        customize?.Invoke(activity);
        SetFrom(activity, userAad, userName);
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
            activity["channelData"]!["tenant"]!["id"] = tenantId;
        }

        var response = await PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> CastAsync(string voteId, int value, string userAad, string userName = "Voter") =>
        InvokeAsync("vote.cast", new JsonObject { ["voteId"] = voteId, ["value"] = value }, userAad, userName);

    public Task<(HttpStatusCode Status, JsonElement Body)> CloseAsync(string voteId, string userAad, string userName = "Voter") =>
        InvokeAsync("vote.close", new JsonObject { ["voteId"] = voteId }, userAad, userName);

    /// <summary>Submits the "new vote" form (Action.Execute <c>vote.start</c>) sent as message <paramref name="formId"/>.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> SubmitFormAsync(
        string formId, string question, string mode = "named", string results = "live", string deadline = "none", string userAad = "creator-aad", string? activityId = null) =>
        InvokeAsync("vote.start", new JsonObject { ["question"] = question, ["mode"] = mode, ["results"] = results, ["deadline"] = deadline },
            userAad, "Ceri Creator", customize: a =>
            {
                a["replyToId"] = formId;
                if (activityId is not null)
                {
                    a["id"] = activityId;
                }
            });

    /// <summary>The refresh invoke Teams sends for a user listed in the card's <c>refresh.userIds</c>.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string voteId, string userAad, string userName = "Voter") =>
        InvokeAsync("vote.refresh", new JsonObject { ["voteId"] = voteId }, userAad, userName, customize: a => a["value"]!["trigger"] = "automatic");

    /// <summary>The vote card's id in a posted card (from its first action with a voteId).</summary>
    public static string VoteIdOf(RecordedRequest posted)
    {
        return DataOf(Assert.Single(posted.Cards), "voteId");
    }

    /// <summary>The value of <paramref name="name"/> in the data of the first action of the card that carries it.</summary>
    public static string DataOf(JsonElement card, string name) =>
        Actions(card).Select(a => a.TryGetProperty("data", out var data) && data.TryGetProperty(name, out var value) ? value.GetString() : null).First(v => v is not null)!;

    /// <summary>The card's actions (refresh included), anywhere in it.</summary>
    public static IEnumerable<JsonElement> Actions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("verb", out _) => [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Actions(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Actions),
        _ => [],
    };

    /// <summary>Posts to the shared bot, or to <c>instance</c> (another host of the bot) when given.</summary>
    private Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        if (instance is null)
        {
            return bot.PostAsync(activity);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", TestTokenIssuer.Bearer(Token?.Invoke() ?? bot.Tokens.CreateToken(TestTokenKind.Valid, BotHost.AppId, bot.Connector.ServiceUrl)));
        return instance.SendAsync(request);
    }

    /// <summary>A driver for an existing conversation of the shared bot.</summary>
    public static VoteDriver In(BotHost bot, string conversationId) => new(bot, null, conversationId);

    /// <summary>The same conversation, driven through another host of the bot.</summary>
    public VoteDriver Through(HttpClient other) => new(bot, other, ConversationId);

    public bool IsMine(RecordedRequest request) => request.Path.Contains(ConversationId, StringComparison.Ordinal);

    /// <summary>Every text of the card in an invoke response body (asserting it is a card answer).</summary>
    public static string CardText(JsonElement body) => InvokeAnswers.CardText(body);

    /// <summary>The error code of an error answer.</summary>
    public static string ErrorCode(JsonElement body) => InvokeAnswers.ErrorCode(body);

    private static void SetFrom(JsonObject activity, string aad, string name) => InvokeAnswers.SetFrom(activity, aad, name);
}
