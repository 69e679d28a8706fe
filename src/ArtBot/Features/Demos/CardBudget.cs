using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;

namespace ArtBot.Features.Demos;

/// <summary>
/// Keeps a card that lists what people wrote under Teams' message size: it is built at its fullest first, then with
/// fewer lines and shorter texts until it fits (the last, smallest try is taken whatever its size).
/// </summary>
public static class CardBudget
{
    /// <summary>Bytes a card may take (Teams takes about 28 KB per message, with the activity around it).</summary>
    public const int MaxBytes = 26_000;

    /// <summary>How much a card lists at one level: lines per item, characters per text, forms.</summary>
    public sealed record Level(int Lines, int Text, int Forms);

    public static IReadOnlyList<Level> Levels { get; } =
    [
        new(15, 300, 8),
        new(8, 160, 6),
        new(5, 100, 4),
        new(3, 80, 3),
        new(2, 60, 2),
        new(1, 40, 1),
        new(0, 40, 0),
    ];

    internal static AdaptiveCard Fit(Func<Level, AdaptiveCard> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        AdaptiveCard? card = null;
        foreach (var level in Levels)
        {
            card = build(level);
            if (Size(card) <= MaxBytes)
            {
                return card;
            }
        }

        return card!;
    }

    public static int Size(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, BotJsonContext.Default.AdaptiveCard).Length;
}
