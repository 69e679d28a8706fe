using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>An Inspect &amp; Adapt workshop in the Agents Playground: started by command, a problem added on the card, a dot placed, the card replaced.</summary>
public sealed class WorkshopPlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    [Fact]
    public async Task A_workshop_is_started_a_problem_added_and_dot_voted_and_the_card_updates()
    {
        await PlaygroundBrowser.RunAsync(teams, "workshop", async page =>
        {
            await PlaygroundBrowser.SendAsync(page, "inspect start");
            await Assertions.Expect(page.GetByText("Problem-solving workshop").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("No problems yet.", new() { Exact = false }).First).ToBeVisibleAsync();

            await page.GetByPlaceholder("What held us back?").Last.FillAsync("Stories wait days for the test environment");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add problem" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Stories wait days for the test environment").Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Problems (1 problem, 0 people voted)").Last).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await page.GetByRole(AriaRole.Button, new() { Name = "+1 dot" }).Last.ClickAsync();

            // The answer to the click (the voter's own view) replaces the card, then the shared card's update does.
            await Assertions.Expect(page.GetByText("1 dot \u00b7 added by", new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Problems (1 problem, 1 person voted)").Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
    }
}
