using System.Text.Json;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Cards;

/// <summary>An Adaptive Card (schema 1.5, the highest Teams renders).</summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-2)]
    public string Type { get; init; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = SchemaUrl;

    public string Version { get; init; } = "1.5";
    public IList<CardElement> Body { get; init; } = [];
    public IList<CardAction>? Actions { get; init; }
    public CardRefresh? Refresh { get; init; }
    public string? FallbackText { get; init; }
    public CardTeamsProperties? Msteams { get; init; } = new("Full");

    /// <summary>This card as a message attachment.</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = ToJsonElement(),
    };

    /// <summary>This card as JSON, e.g. for an invoke response body.</summary>
    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, BotJsonContext.Default.AdaptiveCard);
}

/// <summary>The Teams-specific <c>msteams</c> property of a card; <c>Full</c> width reads best in channels.</summary>
public sealed record CardTeamsProperties(string? Width);

/// <summary>
/// Universal Actions refresh: Teams calls <see cref="Action"/> for each user listed in <see cref="UserIds"/>
/// (at most 60) so each sees a user-specific view.
/// </summary>
public sealed record CardRefresh(ExecuteAction Action, IList<string>? UserIds)
{
    /// <summary>Serialized as a <see cref="CardAction"/>, so the JSON carries <c>"type": "Action.Execute"</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("action")]
    public CardAction SerializedAction => Action;

    [System.Text.Json.Serialization.JsonIgnore]
    public ExecuteAction Action { get; init; } = Action;
}
