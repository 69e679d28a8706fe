using System.Text.Json;
using ArtBot.Tests.Shared;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>axe-core (pinned in .dev/package.json) run in a page or in a frame (an app page inside a Teams host).</summary>
public static class Axe
{
    /// <summary>axe-core finds no serious or critical violation in <paramref name="frame"/>'s document as it is.</summary>
    public static async Task AssertAccessibleAsync(IFrame frame, string where)
    {
        await frame.AddScriptTagAsync(new() { Path = Path.Combine(Azurite.FindRepositoryRoot(), ".dev", "node_modules", "axe-core", "axe.min.js") });
        var result = await frame.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))");
        var serious = result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.True(serious.Count == 0, $"{where}: axe found {string.Join(", ", serious)}");
    }
}
