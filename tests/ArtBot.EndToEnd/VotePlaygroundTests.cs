using System.Text.Json.Nodes;
using ArtBot.Storage.Votes;
using Azure.Data.Tables;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>A confidence vote in the Agents Playground: started by command, cast with a card button, card replaced in place.</summary>
public sealed class VotePlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    private const string Planning = "19:team-planning@thread.tacv2";

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


    [Fact]
    public async Task A_voters_own_view_comes_back_with_my_vote_after_another_voter_and_the_concern_is_sent() =>
        await PlaygroundBrowser.RunAsync(teams, "vote-interleaved", async page =>
        {
            // Alex votes 1 in a channel: their own view asks for the concern.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "vote Is the plan realistic?");
            await Assertions.Expect(page.GetByText("Is the plan realistic?").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^1") }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send concern" }).Last).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // Megan votes 5 on the same card; the channel's card is updated for everyone and Alex's own view goes.
            var tables = new TableServiceClient(teams.StorageConnectionString);
            var votes = new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName), tables.GetTableClient(VoteStore.DueTableName));
            var vote = Assert.Single(await votes.ListAsync(LocalTeams.TenantId, Planning, 10, default), v => v.Question == "Is the plan realistic?");
            await PlaygroundUsers.InvokeAsync(teams.PlaygroundUrl, Planning, "29:1-sm-megan", "vote.cast", new JsonObject { ["voteId"] = vote.VoteId, ["value"] = 5 });
            await Assertions.Expect(page.GetByText("2 votes so far", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send concern" })).ToHaveCountAsync(0);

            // "My vote" brings Alex's own view back, and the concern goes through.
            await page.GetByRole(AriaRole.Button, new() { Name = "My vote" }).Last.ClickAsync();
            await page.GetByPlaceholder("What worries you about this plan?").Last.FillAsync("The API team is overloaded");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send concern" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("your concern was recorded", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
}
