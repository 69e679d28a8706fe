using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Schema;

namespace ArtBot.Features.Improvements;

/// <summary>Universal Action answers: a card (the person's own view) or an error Teams shows on the card.</summary>
internal static class InvokeAnswers
{
    public static InvokeResponse Card(AdaptiveCard card)
    {
        var body = new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.CardType, card.ToJsonElement());
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, BotJsonContext.Default.AdaptiveCardInvokeResponse));
    }

    public static InvokeResponse Error(string code, string message) => InvokeErrors.UniversalActionError(400, code, message);

    /// <summary>A string (or number) property of the action's data; null when missing or of another kind.</summary>
    public static string? Text(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var property)
            ? property.ValueKind switch
            {
                JsonValueKind.String => property.GetString(),
                JsonValueKind.Number => property.GetRawText(),
                _ => null,
            }
            : null;
}
