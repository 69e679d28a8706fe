using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.DemoTrain;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Votes;
using ArtBot.Features.Objectives;
using ArtBot.Features.Sync;
using ArtBot.Features.Votes;
using ArtBot.BotFramework.Schema;
using ArtBot.IntegrationTests.Manifest;
using ArtBot.Tests.Shared;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Demo;

/// <summary>
/// The demo train (<c>tests/ArtBot.DemoTrain</c>, what <c>.dev/run-local.sh --demo</c> seeds) as the ART room shows it
/// in local development: the Playground's General channel holds an ART of 12 teams with three PIs of votes,
/// predictability, check-ins, impediments, dependencies and improvement items; seeding again changes nothing; and the
/// key cards drawn from its data (the screenshots in docs/screenshots).
/// </summary>
public sealed class DemoTrainTests(DemoTrainFixture demo) : IClassFixture<DemoTrainFixture>
{
    [Fact]
    public async Task The_art_room_of_the_playgrounds_general_channel_shows_a_train_of_12_teams_and_three_pis()
    {
        Assert.True(demo.Seeded.Created);
        Assert.Equal((12, 125, 3), (demo.Seeded.Teams, demo.Seeded.People, demo.Seeded.Pis));

        var context = await GetAsync("context");
        Assert.Equal(("art", "Aurora ART"), (context["scope"]!.GetValue<string>(), context["art"]!["name"]!.GetValue<string>()));
        Assert.Equal(12, context["teams"]!.AsArray().Count);
        Assert.Contains("Rocket", context["teams"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));

        // This PI's votes: every team's, Orbit's second round after rework, and the ART's; confidence over three PIs.
        var overview = await GetAsync("overview");
        var votes = overview["votes"]!.AsArray();
        Assert.Equal(14, votes.Count);
        Assert.All(votes, v => Assert.True(v!["closed"]!.GetValue<bool>()));
        Assert.Contains(votes, v => v!["team"]?.GetValue<string>() == "Orbit" && v["outcome"]!.GetValue<string>() == "rework");
        Assert.Contains(votes, v => v!["scope"]!.GetValue<string>() == "art" && v["count"]!.GetValue<int>() > 100);
        Assert.Equal(3, overview["confidence"]!["pis"]!.AsArray().Count);
        Assert.Equal(13, overview["confidence"]!["series"]!.AsArray().Count);
        Assert.All(overview["confidence"]!["series"]!.AsArray(), s => Assert.All(s!["values"]!.AsArray(), v => Assert.NotNull(v))); // every vote closed with its result

        // Predictability of the ART and each team in each of the three PIs, every figure rated.
        var predictability = (await GetAsync("predictability"))["pis"]!.AsArray();
        Assert.Equal(3, predictability.Count);
        Assert.All(predictability, pi =>
        {
            Assert.InRange(pi!["art"]!["percent"]!.GetValue<int>(), 60, 110);
            Assert.Equal(12, pi["teams"]!.AsArray().Count);
        });

        // Impediments of every age and a ROAM board with every column filled.
        var risks = await GetAsync("risks");
        Assert.True(risks["impediments"]!.AsArray().Count >= 9);
        Assert.Contains(risks["impediments"]!.AsArray(), i => i!["ageDays"]!.GetValue<int>() > 30 && i["escalated"]!.GetValue<bool>());
        Assert.All(risks["roam"]!.AsArray(), column => Assert.NotEmpty(column!["items"]!.AsArray()));

        // The weekly check-ins of the PI so far: answered, at risk, one team silent last week, the PI Planning week skipped.
        var sync = await GetAsync("sync");
        Assert.Equal(12, sync["rows"]!.AsArray().Count);
        var cells = sync["rows"]!.AsArray().SelectMany(r => r!["cells"]!.AsArray().Select(c => c!.GetValue<string>())).ToList();
        Assert.Contains("onTrack", cells);
        Assert.Contains("atRisk", cells);
        Assert.Contains("notAnswered", cells);
        Assert.Contains("skipped", cells);

        var dependencies = await GetAsync("dependencies");
        Assert.Equal(30, dependencies["items"]!.AsArray().Count);
        Assert.Contains(dependencies["items"]!.AsArray(), d => d!["status"]!.GetValue<string>() == "at risk");
        Assert.Contains(dependencies["items"]!.AsArray(), d => d!["status"]!.GetValue<string>() == "delivered");

        var improvements = await GetAsync("improvements");
        Assert.Equal(12, improvements["items"]!.AsArray().Count);
        Assert.Equal(3, improvements["byStatus"]!["pis"]!.AsArray().Count);

        // Team Rocket's channel (the Playground's PI Planning) shows that team within the train.
        var rocket = await GetAsync("context", "19:team-planning@thread.tacv2");
        Assert.Equal(("team", "Rocket"), (rocket["scope"]!.GetValue<string>(), rocket["team"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Seeding_again_days_later_finds_everything_and_changes_nothing()
    {
        var tables = await SnapshotAsync();
        var views = await RoomViewsAsync();

        var later = new FakeTimeProvider(DemoTrainFixture.Now.AddDays(3));
        var again = await demo.SeedAsync(later);

        Assert.False(again.Created);
        Assert.Equal(demo.Seeded with { Created = false, Art = again.Art }, again);
        var after = await SnapshotAsync();
        Assert.Equal(tables.Keys.Order(), after.Keys.Order());
        foreach (var (table, rows) in tables)
        {
            Assert.True(rows.SequenceEqual(after[table]), $"{table} changed: {rows.Count} rows before, {after[table].Count} after");
        }

        Assert.Equal(views, await RoomViewsAsync());
    }

    [Fact]
    public async Task The_key_cards_drawn_from_the_demo_train_have_enough_contrast_in_every_theme()
    {
        var services = demo.Bot.Services;
        var art = demo.Seeded.Art;
        var votes = services.GetRequiredService<IVoteStore>();
        var history = await votes.ListForArtAsync(art.TenantId, art.Id, 100, CancellationToken.None);
        var artVote = history.First(v => v.Scope == VoteScope.Art && v.PiName == art.CurrentPi!.Name);
        var rework = history.First(v => v.TeamName == "Orbit" && v.PiName == art.CurrentPi!.Name && v.Round == 1);
        var latestSync = SyncCalendar.Enumerate(art, art.CurrentPi!.Start, 12).Last(o => o.SyncAt < demo.Clock.GetUtcNow());
        var cards = new Dictionary<string, BotFramework.Cards.AdaptiveCard>
        {
            ["demo-vote-art-closed"] = VoteViews.Shared((await votes.ReadStateAsync(artVote.VoteId, CancellationToken.None))!, null),
            ["demo-vote-team-rework"] = VoteViews.Shared((await votes.ReadStateAsync(rework.VoteId, CancellationToken.None))!, null),
            ["demo-predictability"] = await services.GetRequiredService<ObjectiveViews>().PredictabilityAsync(art, CancellationToken.None),
            ["demo-sync-summary"] = await services.GetRequiredService<SummaryPublisher>().BuildAsync(art, latestSync, CancellationToken.None),
        };

        var json = new JsonArray([.. cards.Select(c => new JsonObject { ["name"] = c.Key, ["card"] = JsonSerializer.SerializeToNode(c.Value, BotJsonContext.Default.AdaptiveCard) })]);
        var file = Path.Combine(Path.GetTempPath(), $"artbot-demo-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json.ToJsonString());
        var configs = Path.Combine(RepoRoot.Path, "tests", "ArtBot.IntegrationTests", "Cards", "HostConfigs");
        var outDir = Path.Combine(AppContext.BaseDirectory, "card-screenshots");
        try
        {
            var result = await NodeScript.RunAsync(TimeSpan.FromMinutes(2), ".dev/scripts/render-cards.cjs", file, outDir,
                "light=" + Path.Combine(configs, "teams-light.json"), "dark=" + Path.Combine(configs, "teams-dark.json"),
                "contrast=" + Path.Combine(configs, "teams-contrast.json"));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"{cards.Count} card(s) x 3 theme(s) rendered, 0 contrast problem(s)", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        var summary = CardText(cards["demo-sync-summary"]);
        Assert.Contains("11 of 12 teams answered", summary, StringComparison.Ordinal);
        Assert.Contains("Lyra", summary, StringComparison.Ordinal);
        Assert.Contains("ART predictability: Aurora ART", CardText(cards["demo-predictability"]), StringComparison.Ordinal);
    }

    private async Task<JsonNode> GetAsync(string view, string conversation = DemoTrainOptions.PlaygroundGeneral)
    {
        using var response = await demo.Client.GetAsync($"/api/room/{view}?conversation={Uri.EscapeDataString(conversation)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{view}: {(int)response.StatusCode} {body}");
        var json = JsonNode.Parse(body)!;
        Assert.True(view == "context" || json["available"]!.GetValue<bool>(), $"{view} not available");
        return json;
    }

    private async Task<List<string>> RoomViewsAsync()
    {
        var views = new List<string>();
        foreach (var view in new[] { "context", "overview", "risks", "sync", "improvements", "predictability", "dependencies" })
        {
            views.Add((await GetAsync(view)).ToJsonString());
        }

        return views;
    }

    /// <summary>Every row of the stores' tables with its properties, without what every write changes (timestamp, ETag).</summary>
    private async Task<Dictionary<string, List<string>>> SnapshotAsync()
    {
        var service = new TableServiceClient(demo.ConnectionString);
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in DemoStores.TableNames)
        {
            var rows = new List<string>();
            await foreach (var entity in service.GetTableClient(name).QueryAsync<TableEntity>())
            {
                var row = new StringBuilder().Append(entity.PartitionKey).Append('|').Append(entity.RowKey);
                foreach (var (key, value) in entity.Where(p => p.Key is not ("Timestamp" or "odata.etag" or "PartitionKey" or "RowKey")).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    row.Append('|').Append(key).Append('=').Append(value is DateTimeOffset at ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            snapshot[name] = rows;
        }

        return snapshot;
    }

    private static string CardText(BotFramework.Cards.AdaptiveCard card) => string.Join("\n", Cards.CardJson.VisibleStrings(card));
}
