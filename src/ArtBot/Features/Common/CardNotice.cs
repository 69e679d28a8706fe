using ArtBot.BotFramework.Cards;

namespace ArtBot.Features.Common;

/// <summary>
/// A line that says how something went (saved, refused, at risk): default-colour text on a tinted container, so it
/// keeps at least 4.5:1 contrast in light, dark and high-contrast themes (coloured text on white measured 1.5-2:1),
/// and the words carry the state, not the colour.
/// </summary>
public static class CardNotice
{
    /// <summary>
    /// The notice in a container styled after <paramref name="color"/> (the Adaptive Cards text colour it used to be:
    /// <c>Good</c>, <c>Attention</c>, <c>Warning</c>; null: no tint).
    /// </summary>
    public static CardElement Of(string text, string? color, bool bolder = false, bool separator = false) =>
        new Container([new TextBlock(text) { Weight = bolder ? "Bolder" : null }])
        {
            Style = color?.ToLowerInvariant() switch
            {
                "good" => "good",
                "attention" => "attention",
                "warning" => "warning",
                _ => null,
            },
            Separator = separator,
        };
}
