using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Schema;
using ArtBot.IntegrationTests.Manifest;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>
/// Every card as people see it: drawn by the official Adaptive Cards renderer in headless Chromium with a light, a
/// dark and a high-contrast Teams host config (<c>HostConfigs/</c>: Teams' colours, approximated; Teams' own host
/// configs are not available here), screenshotted into <c>card-screenshots/</c> next to the test binaries (kept as artifacts;
/// the README shows some), and checked by axe-core's colour-contrast rule: every text at least 4.5:1 (3:1 when large)
/// against what is behind it, in every theme. English cards, and the German vote and help cards.
/// </summary>
public sealed class CardScreenshotTests
{
    private const string Script = ".dev/scripts/render-cards.cjs";
    private static readonly string[] GermanToo = ["help-channel", "vote-named-my-view", "vote-closed", "vote-anonymous-concerns"];

    [Fact]
    public async Task Every_card_is_drawn_in_light_dark_and_high_contrast_and_every_text_has_enough_contrast()
    {
        var cards = new JsonArray();
        foreach (var (name, card) in BotCards.All)
        {
            cards.Add(new JsonObject { ["name"] = name, ["card"] = JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard) });
        }

        var german = BotCards.In(CultureInfo.GetCultureInfo("de-DE"));
        foreach (var name in GermanToo)
        {
            cards.Add(new JsonObject { ["name"] = name + "-de", ["card"] = JsonSerializer.SerializeToNode(german[name], BotJsonContext.Default.AdaptiveCard) });
        }

        var file = Path.Combine(Path.GetTempPath(), $"artbot-render-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, cards.ToJsonString());
        var outDir = Path.Combine(AppContext.BaseDirectory, "card-screenshots");
        var configs = Path.Combine(RepoRoot.Path, "tests", "ArtBot.IntegrationTests", "Cards", "HostConfigs");
        try
        {
            var result = await NodeScript.RunAsync(TimeSpan.FromMinutes(4), Script, file, outDir,
                "light=" + Path.Combine(configs, "teams-light.json"), "dark=" + Path.Combine(configs, "teams-dark.json"),
                "contrast=" + Path.Combine(configs, "teams-contrast.json"));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"{cards.Count} card(s) x 3 theme(s) rendered, 0 contrast problem(s)", result.StandardOutput, StringComparison.Ordinal);
            foreach (var card in cards)
            {
                foreach (var theme in new[] { "light", "dark", "contrast" })
                {
                    var png = new FileInfo(Path.Combine(outDir, $"{card!["name"]}-{theme}.png"));
                    Assert.True(png.Exists && png.Length > 1000, $"{png.Name} missing or empty");
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
