using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Features.Objectives;
using ArtBot.Storage.Arts;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// A train of two teams plans and measures itself in the Agents Playground: the ART's channel and team Rocket in one
/// Playground (Alex, the RTE), team Comet in a second one (Isaiah), and Lynne, a Business Owner, whose card actions reach
/// the bot through the Playground's own invoke route (its UI has one user at the keyboard).
/// </summary>
public sealed class PlanningPlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    private const string General = "19:team-general@thread.tacv2";
    private const string Lynne = "29:1-bo-lynne";

    [Fact]
    public async Task Two_teams_plan_objectives_a_business_owner_values_them_a_dependency_is_committed_and_predictability_shows_the_figures()
    {
        var comet = await teams.StartCometAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PlaygroundBrowser.RunAsync(teams, "planning", async page =>
        {
            // The RTE sets up the ART with a PI in its last iteration (so actual values can be entered today), names
            // the Business Owner, and reopens the objectives the PI's start locked.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art setup");
            await Assertions.Expect(page.GetByText("Set up an Agile Release Train").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByLabel("ART name").Last.FillAsync("Rocket ART");
            await page.GetByLabel("Current PI").Last.FillAsync("PI 2026.4");
            await page.GetByLabel("Starts").Last.FillAsync(Day(today.AddDays(-70)));
            await page.GetByLabel("Ends").Last.FillAsync(Day(today.AddDays(7)));
            await PlaygroundBrowser.ChooseTimeZoneAsync(page, "UTC", "UTC");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up ART" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("ART set up", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await MentionAsync(page, "art bo add", "Lynne Robbins");
            await Assertions.Expect(page.GetByText("is now a Business Owner of Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await PlaygroundBrowser.PostMentioningBotAsync(page, "objectives reopen");
            await Assertions.Expect(page.GetByText("open for changes again", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // Team Rocket joins and adds its objective.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art join Rocket");
            await Assertions.Expect(page.GetByText("Team Rocket joined Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await AddObjectiveAsync(page, "Ship the payments API to production");

            // Team Comet, another Teams team of the tenant, joins from its own channel and adds its objective.
            var cometPage = await PlaygroundBrowser.OpenOtherPlaygroundAsync(page, comet);
            await PlaygroundBrowser.OpenAsync(cometPage, LocalTeams.CometChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(cometPage, "art join Comet");
            await Assertions.Expect(cometPage.GetByText("Team Comet joined Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await AddObjectiveAsync(cometPage, "Fraud scoring service live");

            // The Business Owner sets the planned business values from the ART's channel.
            var (art, objectives) = await StoredAsync();
            var payments = objectives.Single(o => o.TeamName == "Rocket");
            var fraud = objectives.Single(o => o.TeamName == "Comet");
            Assert.Contains("Saved.", await LynneSetsAsync(payments, TeamObjectivesCard.PlannedVerb, 8), StringComparison.Ordinal);
            Assert.Contains("Saved.", await LynneSetsAsync(fraud, TeamObjectivesCard.PlannedVerb, 5), StringComparison.Ordinal);
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "objectives");
            await Assertions.Expect(page.GetByText("The whole ART: 2 committed objectives, planned business value 13").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // Rocket asks Comet for something; Comet sees it in its channel and commits to an iteration.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "dependency Fraud scores for every payment");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Request dependency" }).Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Which team provides it?" }).Last.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Comet" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Request dependency" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Requested: Comet sees it in its channel", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await PlaygroundBrowser.OpenAndExpectAsync(cometPage, LocalTeams.CometChannel, "Personal Chat",
                p => p.GetByText("Rocket needs this from your team", new() { Exact = false }).Last);
            await cometPage.GetByRole(AriaRole.Button, new() { Name = "Commit" }).Last.ClickAsync(); // opens the form
            await cometPage.GetByRole(AriaRole.Button, new() { Name = "Commit" }).Last.ClickAsync(); // sends it
            await Assertions.Expect(cometPage.GetByText("Dependency \u00b7 committed").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var dependency = Assert.Single(await PlanMappings.Dependencies(Planning()).ListAsync(art.TenantId, art.Id, default));
            Assert.Equal((DependencyStatus.Committed, "Comet", "Rocket"), (dependency.Status, dependency.ProviderTeamName, dependency.RequesterTeamName));

            // The PI's last iteration: the Business Owner rates what was delivered, and the train sees its measure.
            Assert.Contains("Saved.", await LynneSetsAsync(payments, TeamObjectivesCard.ActualVerb, 7), StringComparison.Ordinal);
            Assert.Contains("Saved.", await LynneSetsAsync(fraud, TeamObjectivesCard.ActualVerb, 5), StringComparison.Ordinal);
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "predictability");
            await Assertions.Expect(page.GetByText("ART predictability: Rocket ART").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("88% in band").First).ToBeVisibleAsync(); // Rocket: 7 of 8
            await Assertions.Expect(page.GetByText("100% in band").First).ToBeVisibleAsync(); // Comet: 5 of 5
            await Assertions.Expect(page.GetByText("92% in band").First).ToBeVisibleAsync(); // the ART: 12 of 13
            await page.GetByText("ART predictability: Rocket ART").First.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-predictability.png") });
        });
    }

    /// <summary>Posts "@ArtBot {command} @{person}" in the open channel, both picked from the mention menu.</summary>
    private static async Task MentionAsync(IPage page, string command, string person)
    {
        var newPost = page.Locator("[role=\"textbox\"][data-lexical-editor=\"true\"]").First;
        await newPost.ClickAsync();
        await newPost.PressSequentiallyAsync("@");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = LocalTeams.BotName }).ClickAsync();
        await newPost.PressSequentiallyAsync($" {command} @{person[..4]}");
        await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new System.Text.RegularExpressions.Regex(person) }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
    }

    private static async Task AddObjectiveAsync(IPage page, string text)
    {
        await PlaygroundBrowser.PostMentioningBotAsync(page, "objectives");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add objective" }).Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByPlaceholder("What the team will deliver").Last.FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add objective" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByText("Objective added.").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("1. " + text).First).ToBeVisibleAsync();
    }

    /// <summary>Lynne (Business Owner) sets a value on the objective's card in the ART's channel: the invoke the Playground sends for her.</summary>
    private Task<string> LynneSetsAsync(PiObjective objective, string verb, int value) =>
        PlaygroundUsers.InvokeAsync(teams.PlaygroundUrl, General, Lynne, verb, new JsonObject
        {
            ["team"] = objective.TeamConversationId,
            ["id"] = objective.Id,
            [ObjectiveValueData.ValueInput(objective.Id)] = value.ToString(CultureInfo.InvariantCulture),
        });

    private async Task<(Art Art, IReadOnlyList<PiObjective> Objectives)> StoredAsync()
    {
        var service = new TableServiceClient(teams.StorageConnectionString);
        var arts = new ArtStore(service.GetTableClient(ArtStore.TableName), service.GetTableClient(ArtStore.ConversationsTableName));
        var art = Assert.Single(await arts.ListAsync(LocalTeams.TenantId, default));
        return (art, await PlanMappings.Objectives(Planning()).ListAsync(art.TenantId, art.Id, default));
    }

    private TableClient Planning() => new TableServiceClient(teams.StorageConnectionString).GetTableClient(PlanMappings.TableName);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
