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
    public async Task An_rte_sets_up_the_art_with_the_form_and_a_team_channel_joins() =>
        await PlaygroundBrowser.RunAsync(teams, "art-setup", async page =>
        {
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art setup");
            await Assertions.Expect(page.GetByText("Set up an Agile Release Train").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await page.GetByLabel("ART name").Last.FillAsync("Rocket ART");
            await page.GetByLabel("Time zone (IANA)").Last.FillAsync("Europe/Berlin");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up ART" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("ART set up", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Wednesdays at 10:00 (Europe/Berlin)", new() { Exact = false }).First).ToBeVisibleAsync();

            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art join Rocket");
            await Assertions.Expect(page.GetByText("Team Rocket joined Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
}
