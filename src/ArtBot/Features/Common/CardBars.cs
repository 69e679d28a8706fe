using ArtBot.BotFramework.Cards;

namespace ArtBot.Features.Common;

/// <summary>
/// The fill of the bars the cards draw with columns (vote distribution, predictability). An image cannot follow the
/// Teams theme, so each colour is a mid tone with at least 3:1 contrast (WCAG 1.4.11) against every card background
/// of the light, dark and high-contrast themes: 3.6:1 or more against white, #F5F5F5, #292929, #1F1F1F and black
/// (<c>CardBarContrastTests</c>). Container styles cannot do it: their tints measured 1.09:1 in light and vanish in high contrast.
/// </summary>
public static class CardBars
{
    /// <summary>The vote distribution's bars (a brand purple).</summary>
    public const string Vote = "#7377CF";

    /// <summary>Within the target band (green).</summary>
    public const string Good = "#139413";

    /// <summary>Below the target band (red).</summary>
    public const string Attention = "#D85256";

    /// <summary>Above the target band (amber).</summary>
    public const string Warning = "#A97600";

    /// <summary>Every bar colour, by the name the tests report.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Vote)] = Vote,
        [nameof(Good)] = Good,
        [nameof(Attention)] = Attention,
        [nameof(Warning)] = Warning,
    };

    private static readonly Dictionary<string, BackgroundImage> Fills = All.Values.ToDictionary(c => c, SolidColorImage.Fill, StringComparer.Ordinal);

    /// <summary>A column background painted in one of <see cref="All"/>.</summary>
    public static BackgroundImage Fill(string color) => Fills[color];
}
