using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Manifest;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Runs <c>.dev/scripts/validate-cards.cjs</c> (the official Adaptive Cards renderer) on cards as JSON.</summary>
internal static class CardValidator
{
    public const string Script = ".dev/scripts/validate-cards.cjs";

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
