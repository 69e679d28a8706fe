using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Routing;

/// <summary>Answers to Universal Actions: a card that replaces the one clicked, or an error Teams shows on it.</summary>
public static class CardResponses
{
    /// <summary>The card that replaces the clicked one, for the user who clicked.</summary>
    public static InvokeResponse Card(AdaptiveCard card)
    {
        var body = new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.CardType, card.ToJsonElement());
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, BotJsonContext.Default.AdaptiveCardInvokeResponse));
    }

    /// <summary>A refusal for bad input (400) with a message the user reads; nothing was changed.</summary>
    public static InvokeResponse Error(string code, string message) => InvokeErrors.UniversalActionError(400, code, message);
}
