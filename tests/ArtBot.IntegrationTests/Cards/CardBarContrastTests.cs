using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArtBot.BotFramework.Cards;
using ArtBot.Features.Common;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>
/// WCAG 1.4.11 (non-text contrast) for what the charts draw: the bars of the cards (vote distribution, predictability)
/// against every container background of the light, dark and high-contrast Teams host configs, and the ART room tab's
/// chart colours against its chart background (<c>--surface</c>) in each of its three themes: at least 3:1.
/// </summary>
public sealed partial class CardBarContrastTests
{
    private const double Minimum = 3.0;
    private static readonly string[] Themes = ["light", "dark", "contrast"];

    [Fact]
    public void Every_bar_a_card_draws_has_3_to_1_contrast_against_every_card_background_in_every_theme()
    {
        var drawn = BotCards.All
            .SelectMany(card => CardJson.Typed(CardJson.Of(card.Value)).Select(typed => (Card: card.Key, typed.Node)))
            .Select(x => (x.Card, Url: (x.Node["backgroundImage"] as JsonObject)?["url"]?.GetValue<string>()))
            .Where(x => x.Url is not null)
            .Select(x => (x.Card, Color: SolidColorImage.ColorOf(x.Url!) ?? throw new Xunit.Sdk.XunitException($"{x.Card}: a bar that is not a solid colour")))
            .ToList();
        Assert.Contains(drawn, d => d.Card == "vote-closed" && d.Color == CardBars.Vote);
        Assert.Contains(drawn, d => d.Card == "planning-predictability");

        var problems = new List<string>();
        foreach (var (card, color) in drawn.Distinct())
        {
            Assert.Contains(color, CardBars.All.Values);
            foreach (var (where, background) in CardBackgrounds())
            {
                var ratio = Contrast.Ratio(color, background);
                if (ratio < Minimum)
                {
                    problems.Add($"{card}: {color} on {where} {background} is {ratio:0.00}:1");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_bar_colour_has_3_to_1_contrast_against_every_card_background_in_every_theme()
    {
        var ratios = CardBars.All.SelectMany(bar => CardBackgrounds().Select(bg => (Bar: bar.Key, bg.Where, Ratio: Contrast.Ratio(bar.Value, bg.Color)))).ToList();
        Assert.All(ratios, r => Assert.True(r.Ratio >= Minimum, $"{r.Bar} on {r.Where}: {r.Ratio:0.00}:1"));
    }

    [Fact]
    public void Every_chart_colour_of_the_tab_has_3_to_1_contrast_against_the_chart_background_in_every_theme()
    {
        var css = File.ReadAllText(Path.Combine(RepoRoot.Path, "web", "room", "static", "room.css"));
        var themes = ThemeBlock().Matches(css).ToDictionary(m => m.Groups["theme"].Value, m => Variables(m.Groups["body"].Value));
        Assert.Equal(["contrast", "dark", "default"], themes.Keys.Order(StringComparer.Ordinal));

        var problems = new List<string>();
        foreach (var (theme, variables) in themes)
        {
            var background = variables["--surface"]; // .chart-box
            var meaningful = variables.Where(v => IsChartColour(v.Key)).ToList();
            Assert.True(meaningful.Count >= 20, $"{theme}: only {meaningful.Count} chart colours found");
            foreach (var (name, color) in meaningful)
            {
                var ratio = Contrast.Ratio(color, background);
                if (ratio < Minimum)
                {
                    problems.Add($"{theme}: {name} {color} on {background} is {ratio:0.00}:1");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_contrast_ratio_is_wcags()
    {
        Assert.Equal(21.0, Contrast.Ratio("#000000", "#FFFFFF"), 2);
        Assert.Equal(1.0, Contrast.Ratio("#777777", "#777777"), 2);
        Assert.Equal(4.48, Contrast.Ratio("#777777", "#FFFFFF"), 2);
        Assert.Equal(1.09, Contrast.Ratio("#E8EBFA", "#F5F5F5"), 2); // the vote bars before (accent on emphasis, light)
    }

    /// <summary>Series, the ART's line, the target band's line, improvement statuses and ROAM columns; not the grid, text or the band's translucent fill.</summary>
    private static bool IsChartColour(string name) =>
        (name.StartsWith("--chart-", StringComparison.Ordinal) && name is not ("--chart-grid" or "--chart-text" or "--chart-band-fill"))
        || name.StartsWith("--imp-", StringComparison.Ordinal)
        || name.StartsWith("--roam-", StringComparison.Ordinal);

    /// <summary>Every container style's background in every host config (a bar may sit on any of them).</summary>
    private static IEnumerable<(string Where, string Color)> CardBackgrounds()
    {
        foreach (var theme in Themes)
        {
            var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "ArtBot.IntegrationTests", "Cards", "HostConfigs", $"teams-{theme}.json")))!;
            foreach (var (style, value) in config["containerStyles"]!.AsObject())
            {
                yield return ($"{theme} {style}", value!["backgroundColor"]!.GetValue<string>());
            }
        }
    }

    private static Dictionary<string, string> Variables(string body) =>
        Variable().Matches(body).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"\[data-theme=""(?<theme>\w+)""\]\s*\{(?<body>[^}]*)\}")]
    private static partial Regex ThemeBlock();

    [GeneratedRegex(@"(?<name>--[\w-]+):\s*(?<value>#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex Variable();

    /// <summary>WCAG 2 contrast ratio from relative luminance (sRGB).</summary>
    private static class Contrast
    {
        public static double Ratio(string a, string b)
        {
            var (la, lb) = (Luminance(a), Luminance(b));
            return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
        }

        private static double Luminance(string hex)
        {
            var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return (0.2126 * Channel(rgb >> 16)) + (0.7152 * Channel(rgb >> 8)) + (0.0722 * Channel(rgb));
        }

        private static double Channel(int value)
        {
            var c = (value & 0xFF) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
    }
}
