using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Storage.Votes;
using ArtBot.Tests.Shared;
using Azure.Data.Tables;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The Playground team with Megan's Teams client in German (de-DE, Europe/Berlin) and Alex, at the keyboard, in English.
/// The Agents Playground writes <c>locale: "en-US"</c> (and a clientInfo entity with en-US) into every activity it sends,
/// so a <see cref="LocaleForwarder"/> sits between it and the bot (the Playground's bot endpoint): it sets de-DE and
/// Europe/Berlin on the activities from Megan's id only and forwards everything else unchanged.
/// </summary>
public sealed class MeganSpeaksGerman : IAsyncLifetime
{
    public LocalTeams Teams { get; } = new(new LocaleOverride(PlaygroundUsers.Megan.Id, "de-DE", "Europe/Berlin"));

    public Task InitializeAsync() => Teams.InitializeAsync();

    public Task DisposeAsync() => Teams.DisposeAsync();
}

/// <summary>
/// Each person in their own language, in one channel of the Playground: Megan, whose Teams client is German, gets German
/// help and starts a vote whose card is German for everyone; her ballot view is German; Alex (the browser, English)
/// sees that German card, and his own views ("My vote", after his ballot) in English.
/// Megan's Teams client being German is emulated by <see cref="MeganSpeaksGerman"/>'s <see cref="LocaleForwarder"/>
/// (the Playground sends en-US for everyone). Megan acts through the Playground's own routes: her messages to the bot
/// through its custom-activity route (its message route would send them as from Alex, see
/// <see cref="PlaygroundUsers.MentionBotAsync"/>), her card click through its invoke route.
/// </summary>
public sealed class GermanPlaygroundTests(MeganSpeaksGerman german) : IClassFixture<MeganSpeaksGerman>
{
    private const string Planning = "19:team-planning@thread.tacv2";
    private const string Question = "Schaffen wir die Ziele von PI 26.1?";
    private static readonly PageGetByTextOptions Part = new() { Exact = false };
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_German_user_gets_German_help_vote_card_and_ballot_view_while_an_English_user_sees_own_views_in_English()
    {
        var teams = german.Teams;
        await PlaygroundBrowser.RunAsync(teams, "german", async page =>
        {
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);

            // Megan asks for help: the answer (a new post in the channel, Alex sees it too) is the German help card. A post the
            // bot sends on its own is waited for as in the other scenarios (the channel opened again once if it never shows).
            await PlaygroundUsers.MentionBotAsync(teams.PlaygroundUrl, Planning, PlaygroundUsers.Megan, "help");
            await PlaygroundBrowser.OpenAndExpectAsync(page, LocalTeams.PlanningChannel, LocalTeams.GeneralChannel, p => p.GetByText("ArtBot-Hilfe").First);
            await Assertions.Expect(page.GetByText("ArtBot führt die Zeremonien Ihres Agile Release Train in Teams", Part).First).ToBeVisibleAsync();

            // Megan starts a vote: the shared card is German, also in Alex's (English) Playground.
            await PlaygroundUsers.MentionBotAsync(teams.PlaygroundUrl, Planning, PlaygroundUsers.Megan, "vote " + Question);
            await PlaygroundBrowser.OpenAndExpectAsync(page, LocalTeams.PlanningChannel, LocalTeams.GeneralChannel, p => p.GetByText(Question).First);
            await Assertions.Expect(page.GetByText("Vertrauensabstimmung (namentlich)", Part).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("gestartet von Megan Bowen", Part).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Wie zuversichtlich sind Sie? 5 = sehr zuversichtlich, 1 = kein Vertrauen.").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Noch keine Stimmen.").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "4 - Zuversichtlich" }).Last).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Meine Stimme" }).Last).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abstimmung beenden\u2026" }).Last).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("No votes yet.")).ToHaveCountAsync(0);

            // Megan votes 4 on the card: the bot answers her click with her own view, in German.
            var tables = new TableServiceClient(teams.StorageConnectionString);
            var votes = new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName), tables.GetTableClient(VoteStore.DueTableName));
            var vote = Assert.Single(await votes.ListAsync(LocalTeams.TenantId, Planning, 10, default), v => v.Question == Question);
            Assert.Equal("de-DE", (await votes.GetAsync(vote.VoteId, default))?.Locale?.Language);
            var answer = await PlaygroundUsers.InvokeAsync(teams.PlaygroundUrl, Planning, PlaygroundUsers.Megan.Id, "vote.cast", new JsonObject { ["voteId"] = vote.VoteId, ["value"] = 4 });
            var ballotView = CardText.Of(JsonDocument.Parse(answer).RootElement);
            Assert.Contains("Ihre Stimme: **4 - Zuversichtlich**. Sie können sie ändern, bis die Abstimmung endet.", ballotView, StringComparison.Ordinal);
            Assert.Contains("4 - Zuversichtlich \u2713", ballotView, StringComparison.Ordinal);
            Assert.Contains("Bisher 1 Stimme, Durchschnitt 4", ballotView, StringComparison.Ordinal);
            Assert.DoesNotContain("Your vote", ballotView, StringComparison.Ordinal);

            // The shared card, updated after her ballot, is German for Alex too.
            await Assertions.Expect(page.GetByText("Bisher 1 Stimme, Durchschnitt 4", Part).First).ToBeVisibleAsync(Arrives);

            // Alex clicks "My vote" (German on the shared card): his own view answers in English.
            await page.GetByRole(AriaRole.Button, new() { Name = "Meine Stimme" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("How confident are you? 5 = very confident, 1 = no confidence.").First).ToBeVisibleAsync(Arrives);
            await Assertions.Expect(page.GetByText("1 vote so far, average 4", Part).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "My vote" }).Last).ToBeVisibleAsync();

            // Alex votes 2 on his view; the shared card everyone sees, updated after his English ballot, stays German.
            await page.GetByRole(AriaRole.Button, new() { Name = "2 - Not confident" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Bisher 2 Stimmen, Durchschnitt 3", Part).First).ToBeVisibleAsync(Arrives);

            // "My vote" again: his own view with his ballot, in English (the concern box after a 2 too).
            await page.GetByRole(AriaRole.Button, new() { Name = "Meine Stimme" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Your vote: 2 - Not confident", Part).First).ToBeVisibleAsync(Arrives);
            await Assertions.Expect(page.GetByPlaceholder("What worries you about this plan?").Last).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send concern" }).Last).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Ihre Stimme", Part)).ToHaveCountAsync(0);
        });

        // The forwarder made Megan's three activities German (help, vote, her ballot); Alex's stayed en-US, as his views show.
        Assert.Equal(3, teams.Forwarder!.Rewritten);
    }
}
