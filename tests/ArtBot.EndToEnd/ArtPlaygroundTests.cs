using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>An ART in the Agents Playground: @mentioned in a channel, set up with the form, a team channel joins.</summary>
public sealed class ArtPlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    [Fact]
    public async Task Mentioning_the_bot_in_a_channel_answers_with_the_help_card() =>
        await PlaygroundBrowser.RunAsync(teams, "channel-help", async page =>
        {
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "help");

            await Assertions.Expect(page.GetByText("Show what ArtBot can do", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });

    [Fact]
    public async Task An_rte_sets_up_the_art_a_team_joins_gets_the_check_in_answers_it_and_the_summary_shows_it() =>
        await PlaygroundBrowser.RunAsync(teams, "art-setup", async page =>
        {
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art setup");
            await Assertions.Expect(page.GetByText("Set up an Agile Release Train").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await page.GetByLabel("ART name").Last.FillAsync("Rocket ART");
            await PlaygroundBrowser.ChooseTimeZoneAsync(page, "Berlin", "Europe/Berlin");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up ART" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("ART set up", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Wednesdays at 10:00 (Europe/Berlin)", new() { Exact = false }).First).ToBeVisibleAsync();

            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art join Rocket");
            await Assertions.Expect(page.GetByText("Team Rocket joined Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The RTE posts this week's check-in now; it arrives in the team's channel.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "sync now");
            await Assertions.Expect(page.GetByText("Posting the check-in", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await PlaygroundBrowser.OpenAndExpectAsync(page, LocalTeams.PlanningChannel, LocalTeams.GeneralChannel,
                p => p.GetByRole(AriaRole.Button, new() { Name = "Send check-in" }).Last);
            await page.GetByRole(AriaRole.Radio, new() { Name = "At risk" }).Last.CheckAsync();
            await page.GetByLabel("Progress since the last sync").Last.FillAsync("Payments API done, search slipping");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send check-in" }).Last.ClickAsync();
            // The card shows the answer (the answer's "saved" notice may already be replaced by the channel-wide update).
            await Assertions.Expect(page.GetByText("Your team's check-in").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Payments API done, search slipping").First).ToBeVisibleAsync();

            // The summary in the ART's channel shows the team's answer.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "sync summary");
            await Assertions.Expect(page.GetByText("1 of 1 teams answered", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("search slipping", new() { Exact = false }).First).ToBeVisibleAsync();
        });
}
