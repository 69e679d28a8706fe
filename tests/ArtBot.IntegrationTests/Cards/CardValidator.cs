using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Manifest;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Runs <c>.dev/scripts/validate-cards.cjs</c> (the official Adaptive Cards renderer) on cards as JSON.</summary>
internal static class CardValidator
{
    public const string Script = ".dev/scripts/validate-cards.cjs";

    /// <summary>Asserts the renderer accepts every one of <paramref name="cards"/> under schema 1.5 without a problem.</summary>
    public static async Task AssertAllAcceptedAsync(IEnumerable<AdaptiveCard> cards)
    {
        var nodes = cards.Select(c => JsonSerializer.SerializeToNode(c, BotJsonContext.Default.AdaptiveCard)!).ToList();
        var result = await ValidateAsync(nodes);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{nodes.Count} card(s) checked, 0 problem(s)", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.StandardOutput, StringComparison.Ordinal);
    }

    public static async Task<ScriptResult> ValidateAsync(IEnumerable<JsonNode> cards)
    {
        var file = Path.Combine(Path.GetTempPath(), $"artbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonArray([.. cards]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        try
        {
            return await NodeScript.RunAsync(Script, file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
