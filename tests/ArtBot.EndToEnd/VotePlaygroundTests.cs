using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>A confidence vote in the Agents Playground: started by command, cast with a card button, card replaced in place.</summary>
public sealed class VotePlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    [Fact]
    public async Task A_vote_is_started_cast_and_the_card_is_replaced_with_the_voter_s_view()
    {
        await PlaygroundBrowser.RunAsync(teams, "vote", async page =>
        {
            await PlaygroundBrowser.SendAsync(page, "vote Can we commit to the PI 26.1 objectives?");
            await Assertions.Expect(page.GetByText("Can we commit to the PI 26.1 objectives?").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^4") }).Last.ClickAsync();

            // The ballot counts on the card the voter sees: their own view ("Your vote: 4") first, then the shared card the
            // bot updates for everyone (the Playground has no per-user refresh), which may replace it at any moment.
            await Assertions.Expect(page.GetByText("1 vote so far, average 4.0", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("No verdict yet", new() { Exact = false }).First).ToBeVisibleAsync();

            // Closing asks first; only the confirmation closes the vote, and then the verdict is given.
            await page.GetByRole(AriaRole.Button, new() { Name = "Close vote\u2026" }).Last.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, close the vote" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Commitment accepted", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
    }

}
