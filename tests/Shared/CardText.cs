using System.Text.Json;
using ArtBot.BotFramework.Cards;

namespace ArtBot.Tests.Shared;

/// <summary>Every string in a card (texts, titles, values), for asserting what a person would read.</summary>
public static class CardText
{
    public static string Of(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Of(card.ToJsonElement());
    }

    public static string Of(JsonElement card) => string.Join("\n", Strings(card));

    public static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
