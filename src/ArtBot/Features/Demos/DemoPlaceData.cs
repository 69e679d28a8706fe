using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Demos;

/// <summary>
/// The ART an agenda card's action is about, written next to <see cref="DemoRefData"/>'s fields: a meeting chat belongs
/// to no ART, so the agenda's actions name it (and the handler checks the conversation is one of the ART's or the demo's
/// linked meeting chat). Also the problem form's item picker, whose input id differs from the feedback form's.
/// </summary>
public sealed record DemoPlaceData
{
    public string? ArtId { get; init; }

    /// <summary>The integration problem form's item picker (<see cref="DemoAgendaCard.ProblemItemInput"/>).</summary>
    public string? ProblemItemId { get; init; }

    /// <summary>The data of an agenda card's action: the demo, and its ART.</summary>
    public static JsonObject Write(string artId, string demoId)
    {
        var data = CardData.Write(new DemoRefData { DemoId = demoId }, DemoCardDataContext.Default.DemoRefData);
        data["artId"] = artId;
        return data;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter)])]
[JsonSerializable(typeof(DemoPlaceData))]
public sealed partial class DemoPlaceDataContext : JsonSerializerContext;
