using ArtBot.DemoTrain;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The demo train (<c>bash .dev/run-local.sh --demo</c>) in the ART room tab and the Playground: seeded through the bot's
/// stores into the bot's storage, every view of the ART's channel shows it, passes axe-core in light, dark and high
/// contrast, and is screenshotted (<c>room-demo-*.png</c> next to the test binaries: the docs' screenshots of the room);
/// in the Playground's General channel the bot answers for the same ART.
/// </summary>
public sealed class DemoRoomTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    private static readonly string[] Themes = ["default", "dark", "contrast"];

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["PI overview"] = "Is Aurora ART confident in the plan for",
        ["Program board"] = "late",
        ["Risks & impediments"] = "Licence for the load test tool ran out",
        ["ART sync"] = "Lyra",
        ["System Demos"] = "What the teams showed in iteration",
        ["Improvements"] = "Make flaky tests visible",
        ["Predictability"] = "Nebula",
        ["Quantitative review"] = "Demo acceptance",
        ["Dependencies"] = "Quasar",
    };

    [Fact]
    public async Task The_demo_train_fills_every_view_of_the_art_room_and_the_playground_talks_to_it()
    {
        var seeded = await teams.DemoTrain;
        Assert.Equal(12, seeded.Teams);

        await PlaygroundBrowser.RunAsync(teams, "demo", async page =>
        {
            var room = await PlaygroundBrowser.NewPageAsync(page, 1280);
            var general = Uri.EscapeDataString(DemoTrainOptions.PlaygroundGeneral);
            foreach (var theme in Themes)
            {
                await room.GotoAsync($"{teams.BotUrl}/room/?conversation={general}&theme={theme}");
                await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aurora ART", new() { Timeout = 30_000 });
                foreach (var (view, text) in Expected)
                {
                    await room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" }).GetByRole(AriaRole.Button, new() { Name = view }).ClickAsync();
                    await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = view, Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    await Assertions.Expect(room.GetByText(text, new() { Exact = false }).Locator("visible=true").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    await RoomTabTests.AssertAccessibleAsync(room, $"demo {view} ({theme})");
                    await room.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"room-demo-{RoomTabTests.Slug(view)}-{(theme == "default" ? "light" : theme)}.png"), FullPage = true });
                }
            }

            // The same ART in Teams: Alex, its RTE, asks for the predictability card in its channel.
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "predictability");
            await Assertions.Expect(page.GetByText("ART predictability: Aurora ART").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
    }

    [Fact]
    public async Task The_simulated_meeting_shows_the_side_panel_the_stage_and_the_attendees_window_of_the_arts_channel_meeting()
    {
        await teams.DemoTrain;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PlaygroundBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });

        // The address bash .dev/run-local.sh prints: a PI Planning meeting of the ART's General channel.
        var chat = Uri.EscapeDataString(DemoTrainOptions.PlaygroundGeneral + ";messageid=1");
        await page.GotoAsync($"{teams.BotUrl}/room/simulated-meeting.html?meeting=local-pi-planning&chat={chat}&tenant={LocalTeams.TenantId}");
        var panel = page.FrameLocator("#sim-panel");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aurora ART", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "ART vote", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.FrameLocator("#sim-stage").GetByText("No vote is on the stage yet.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No notification yet: start a vote in the side panel.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sim-missing")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "meeting-simulated.png"), FullPage = true });
    }
}
