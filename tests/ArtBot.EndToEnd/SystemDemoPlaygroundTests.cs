using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// A System Demo and the I&amp;A's figures in the Agents Playground: team Rocket says what it will show and answers its
/// pulse in its channel; Alex, the RTE, opens the agenda in the ART's channel and gives "needs work"; the team's
/// feedback card arrives in its channel and makes an improvement item of it; the quantitative review sums it up.
/// </summary>
public sealed class SystemDemoPlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    private const int Wait = 30_000;

    [Fact]
    public async Task A_team_answers_its_demo_prompt_feedback_on_the_agenda_reaches_the_team_and_becomes_an_improvement_item()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PlaygroundBrowser.RunAsync(teams, "system-demo", async page =>
        {
            // The PI started three days ago: iteration 1's demo is on its last working day, a week or more ahead.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art setup");
            await Assertions.Expect(page.GetByText("Set up an Agile Release Train").First).ToBeVisibleAsync(new() { Timeout = Wait });
            await page.GetByLabel("ART name").Last.FillAsync("Rocket ART");
            await page.GetByLabel("Current PI").Last.FillAsync("PI 2026.5");
            await page.GetByLabel("Starts").Last.FillAsync(Day(today.AddDays(-3)));
            await page.GetByLabel("Ends").Last.FillAsync(Day(today.AddDays(66)));
            await PlaygroundBrowser.ChooseTimeZoneAsync(page, "UTC", "UTC");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up ART" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("ART set up", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = Wait });

            // Team Rocket joins, says what it will show, and answers its pulse.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art join Rocket");
            await Assertions.Expect(page.GetByText("Team Rocket joined Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = Wait });
            await PlaygroundBrowser.PostMentioningBotAsync(page, "demo");
            await Assertions.Expect(page.GetByText("System Demo: what will Rocket show?").Last).ToBeVisibleAsync(new() { Timeout = Wait });
            await page.GetByLabel("Other items, one per line", new() { Exact = false }).Last.FillAsync("One-page checkout for guests");
            await page.GetByLabel("Who presents (optional)").Last.FillAsync("Megan Bowen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Saved: the agenda shows it.").Last).ToBeVisibleAsync(new() { Timeout = Wait });

            await PlaygroundBrowser.PostMentioningBotAsync(page, "pulse");
            await Assertions.Expect(page.GetByText("How satisfied are you with how the team worked this iteration?").Last).ToBeVisibleAsync(new() { Timeout = Wait });
            await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^4") }).Last.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Your answer: 4", new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = Wait });

            // Alex, the RTE, opens the agenda in the ART's channel and gives feedback on Rocket's item.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "demo");
            await Assertions.Expect(page.GetByText("System Demo agenda").Last).ToBeVisibleAsync(new() { Timeout = Wait });
            await Assertions.Expect(page.GetByText("One-page checkout for guests", new() { Exact = false }).Last).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Give feedback" }).Last.ClickAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Item" }).Last.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("One-page checkout") }).ClickAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Needs work" }).Last.CheckAsync();
            await page.GetByLabel("Comment (optional", new() { Exact = false }).Last.FillAsync("Guests cannot see the delivery date yet");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Thanks: your feedback is saved", new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = Wait });
            await Assertions.Expect(page.GetByText("Your feedback: Needs work", new() { Exact = false }).Last).ToBeVisibleAsync();

            // The team's feedback card arrives in its channel on its own; a "needs work" becomes an improvement item.
            await PlaygroundBrowser.OpenAndExpectAsync(page, LocalTeams.PlanningChannel, LocalTeams.GeneralChannel,
                p => p.GetByText("Demo feedback for Rocket").Last);
            await Assertions.Expect(page.GetByText("Guests cannot see the delivery date yet", new() { Exact = false }).Last).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Make improvement item" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Improvement item made", new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = Wait });

            // The quantitative review of the ART: the demo's acceptance counts the "needs work".
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "review");
            await Assertions.Expect(page.GetByText("Quantitative review of Rocket ART").Last).ToBeVisibleAsync(new() { Timeout = Wait });
            await Assertions.Expect(page.GetByText("Demo acceptance", new() { Exact = false }).Last).ToBeVisibleAsync();
            await page.GetByText("Quantitative review of Rocket ART").Last.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-quantitative-review.png") });
        });
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
