using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Impediments;

/// <summary>
/// Drives impediments through /api/messages the way Teams does, in a fresh team and channel: command messages,
/// message extension invokes (the real fetchTask/submitAction fixtures) and Action.Execute invokes.
/// </summary>
internal sealed class ImpedimentDriver(BotHost bot)
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public string TeamId { get; } = TeamsPayloads.NewConversationId("channel");
    public string ChannelId { get; } = TeamsPayloads.NewConversationId("channel");

    public IImpedimentStore Store => bot.Services.GetRequiredService<IImpedimentStore>();

    /// <summary>Posts <c>@ArtBot {text}</c> in the channel; returns what the bot posted.</summary>
    public async Task<RecordedRequest> CommandAsync(string text, string userAad = "alex-aad", string userName = "Alex Wilber")
    {
        var before = bot.Connector.Requests.Count(r => IsMine(r) && r.Method == "POST");
        var activity = Address(bot.Payload(TeamsPayloads.ChannelMention, ChannelId));
        activity["text"] = "<at>ArtBot</at> " + text;
        SetFrom(activity, userAad, userName);
        var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await bot.Connector.WaitForAsync(r => IsMine(r) && r.Method == "POST", before + 1))[before];
    }

    /// <summary>Raises an impediment by command; returns its id (from the card) and the posted card request.</summary>
    public async Task<(string Id, RecordedRequest Posted)> RaiseAsync(string text, string userAad = "alex-aad", string userName = "Alex Wilber")
    {
        var posted = await CommandAsync("impediment " + text, userAad, userName);
        var card = Assert.Single(posted.Cards);
        return (card.GetProperty("actions")[0].GetProperty("data").GetProperty("impedimentId").GetString()!, posted);
    }

    /// <summary>A message extension invoke from the fixture, addressed to this team and channel.</summary>
    public JsonObject MessageExtension(string fixture)
    {
        var activity = Address(bot.Payload(fixture, ChannelId));
        activity["value"]!["messagePayload"]!["id"] = Guid.NewGuid().ToString("N");
        return activity;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostInvokeAsync(JsonObject activity)
    {
        var response = await bot.PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts an Action.Execute invoke; returns the HTTP status and body.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> ActAsync(
        string verb, JsonObject data, string userAad = "alex-aad", string userName = "Alex Wilber", string? tenantId = null, string? teamId = null)
    {
        var activity = Address(bot.Payload(TeamsPayloads.CardAction, ChannelId), teamId);
        SetFrom(activity, userAad, userName);
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
            activity["channelData"]!["tenant"]!["id"] = tenantId;
        }

        return PostInvokeAsync(activity);
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> ActAsync(string verb, string id, string userAad = "alex-aad", string userName = "Alex Wilber") =>
        ActAsync(verb, new JsonObject { ["impedimentId"] = id }, userAad, userName);

    public Task<Impediment?> GetAsync(string id) => Store.GetAsync(TenantId, TeamId, id, CancellationToken.None);

    public Task<ImpedimentList> ListAsync(ImpedimentQuery query) => Store.ListAsync(TenantId, TeamId, query, 100, CancellationToken.None);

    public bool IsMine(RecordedRequest request) => request.Path.Contains(ChannelId, StringComparison.Ordinal);

    /// <summary>Every text of the card in an Action.Execute answer (asserting it is a card).</summary>
    public static string CardText(JsonElement body) => InvokeAnswers.CardText(body);

    /// <summary>The error code of an Action.Execute error answer.</summary>
    public static string ErrorCode(JsonElement body) => InvokeAnswers.ErrorCode(body);

    private JsonObject Address(JsonObject activity, string? teamId = null)
    {
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId ?? TeamId };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = ChannelId };
        return activity;
    }

    public static void SetFrom(JsonObject activity, string aad, string name) => InvokeAnswers.SetFrom(activity, aad, name);
}
