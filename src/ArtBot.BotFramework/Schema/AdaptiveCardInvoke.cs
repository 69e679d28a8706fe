using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke (Universal Actions, Action.Execute).</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }
    /// <summary><c>manual</c> for a click, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The action part of <see cref="AdaptiveCardInvokeValue"/>: verb and data (card inputs merged in).</summary>
public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Verb { get; init; }
    public JsonElement? Data { get; init; }
}

/// <summary>The body of an answer to <c>adaptiveCard/action</c>.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
}
