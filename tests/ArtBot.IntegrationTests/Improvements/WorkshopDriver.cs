using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Improvements;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Improvements;

/// <summary>Drives Inspect &amp; Adapt through /api/messages the way Teams does: command messages, then Action.Execute invokes.</summary>
internal sealed class WorkshopDriver(BotHost bot, string? conversationId = null)
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public string ConversationId { get; } = conversationId ?? TeamsPayloads.NewConversationId("channel");

    public IWorkshopStore Workshops => bot.Services.GetRequiredService<IWorkshopStore>();

    public IImprovementStore Improvements => bot.Services.GetRequiredService<IImprovementStore>();

    /// <summary>Posts <c>@ArtBot {text}</c> in the channel; returns the activity the bot sent back.</summary>
    public async Task<RecordedRequest> CommandAsync(string text, string userAad = "starter-aad", string userName = "Sam Starter")
    {
        var before = bot.Connector.Requests.Count(r => IsMine(r) && r.Method == "POST");
        var activity = bot.Payload(TeamsPayloads.ChannelMention, ConversationId);
        activity["text"] = "<at>ArtBot</at> " + text;
        SetFrom(activity, userAad, userName);
        var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await bot.Connector.WaitForAsync(r => IsMine(r) && r.Method == "POST", before + 1))[before];
    }

    /// <summary>Starts a workshop; returns its id (from the card's close button) and the posted card request.</summary>
    public async Task<(string WorkshopId, RecordedRequest Posted)> StartAsync(string arguments = "", string userAad = "starter-aad", string userName = "Sam Starter")
    {
        // In an ART the quantitative review card comes first: the workshop card is the next one titled so.
        bool IsWorkshopCard(RecordedRequest r) => IsMine(r) && r.Method == "POST" && r.AllText.Contains("Problem-solving workshop", StringComparison.Ordinal);
        var before = bot.Connector.Requests.Count(IsWorkshopCard);
        await CommandAsync(("inspect start " + arguments).Trim(), userAad, userName);
        var posted = (await bot.Connector.WaitForAsync(IsWorkshopCard, before + 1))[before];
        var card = Assert.Single(posted.Cards);
        var workshopId = VoteDriver.DataOf(card, "workshopId");
        return (workshopId, posted);
    }

    /// <summary>Adds problems with <c>improve</c>; returns their ids in the order added.</summary>
    public async Task<IReadOnlyList<string>> AddProblemsAsync(string workshopId, params string[] texts)
    {
        foreach (var text in texts)
        {
            await CommandAsync("improve " + text);
        }

        var state = await Workshops.GetStateAsync(workshopId, CancellationToken.None);
        Assert.Equal(texts.Length, state!.Problems.Count);
        return [.. state.Problems.Select(p => p.Id)];
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(
        string verb, JsonObject data, string userAad, string userName = "Participant", string? conversationId = null, string? tenantId = null, JsonObject? activity = null)
    {
        activity ??= bot.Payload(TeamsPayloads.CardAction, conversationId ?? ConversationId);
        SetFrom(activity, userAad, userName);
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
            activity["channelData"]!["tenant"]!["id"] = tenantId;
        }

        var response = await bot.PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> DotAsync(string workshopId, string problemId, string userAad, string op = "spend") =>
        InvokeAsync("workshop.dot", new JsonObject { ["workshopId"] = workshopId, ["problemId"] = problemId, ["op"] = op }, userAad, "Name of " + userAad);

    public Task<(HttpStatusCode Status, JsonElement Body)> CloseAsync(string workshopId, string userAad = "starter-aad", string? top = null, string? pick = null)
    {
        var data = new JsonObject { ["workshopId"] = workshopId };
        if (top is not null)
        {
            data["top"] = top;
        }

        if (pick is not null)
        {
            data["pick"] = pick;
        }

        return InvokeAsync("workshop.close", data, userAad, "Closer");
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> SetAsync(string itemId, string field, string? seen, JsonObject inputs, string userAad = "editor-aad", string userName = "Eddie Editor")
    {
        inputs["itemId"] = itemId;
        inputs["field"] = field;
        if (seen is not null)
        {
            inputs["seen"] = seen;
        }

        return InvokeAsync("improvement.set", inputs, userAad, userName);
    }

    public bool IsMine(RecordedRequest request) => request.Path.Contains(ConversationId, StringComparison.Ordinal);

    public ImprovementScope Scope(string? artId = null) => new(TenantId, artId, ConversationId);

    /// <summary>Every text of the card in an invoke response body (asserting it is a card answer).</summary>
    public static string CardText(JsonElement body) => InvokeAnswers.CardText(body);

    /// <summary>The error code of an error answer.</summary>
    public static string ErrorCode(JsonElement body) => InvokeAnswers.ErrorCode(body);

    private static void SetFrom(JsonObject activity, string aad, string name) => InvokeAnswers.SetFrom(activity, aad, name);
}
