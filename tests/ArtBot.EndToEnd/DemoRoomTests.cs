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
        ["Risks & impediments"] = "Licence for the load test tool ran out",
        ["ART sync"] = "Lyra",
        ["Improvements"] = "Make flaky tests visible",
        ["Predictability"] = "Nebula",
        ["Dependencies"] = "Quasar",
    };

    [Fact]
    public async Task The_demo_train_fills_every_view_of_the_art_room_and_the_playground_talks_to_it()
    {
        var seeded = await new DemoTrainSeeder(DemoStorage.Client(teams.StorageConnectionString), TimeProvider.System, new DemoTrainOptions
        {
            ServiceUrl = teams.PlaygroundUrl + "/_connector",
        }).SeedAsync(CancellationToken.None);
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
}
