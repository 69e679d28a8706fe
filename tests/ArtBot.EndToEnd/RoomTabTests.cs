using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The ART room tab in headless Chromium (the Agents Playground does not host tabs), against data the train created
/// through the Playground and the bot's /api/messages: a vote cast, an impediment raised, a check-in answered. Every
/// view is checked for what it shows and with axe-core; light and dark screenshots are kept next to the test binaries.
/// </summary>
public sealed class RoomTabTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    private const string General = "19:team-general@thread.tacv2";
    private const string Planning = "19:team-planning@thread.tacv2";
    private static readonly string[] Views = ["PI overview", "Program board", "Risks & impediments", "ART sync", "System Demos", "Improvements", "Predictability", "Quantitative review", "Dependencies"];
    private static readonly string[] Themes = ["default", "dark", "contrast"];

    [Fact]
    public async Task Every_view_shows_what_the_train_did_in_teams_passes_axe_in_light_and_dark_and_exports_csv()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PlaygroundBrowser.RunAsync(teams, "room", async page =>
        {
            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art setup");
            await Assertions.Expect(page.GetByText("Set up an Agile Release Train").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByLabel("ART name").Last.FillAsync("Rocket ART");
            await page.GetByLabel("Current PI").Last.FillAsync("PI 2026.4");
            await page.GetByLabel("Starts").Last.FillAsync(Day(today.AddDays(-14)));
            await page.GetByLabel("Ends").Last.FillAsync(Day(today.AddDays(70)));
            await PlaygroundBrowser.ChooseTimeZoneAsync(page, "UTC", "UTC");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up ART" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("ART set up", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await PlaygroundBrowser.OpenAsync(page, LocalTeams.PlanningChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "art join Rocket");
            await Assertions.Expect(page.GetByText("Team Rocket joined Rocket ART", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await PlaygroundBrowser.PostMentioningBotAsync(page, "vote Are we confident in our PI objectives?");
            await Assertions.Expect(page.GetByText("Are we confident in our PI objectives?").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^4") }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("1 vote so far, average 4.0", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await PlaygroundBrowser.PostMentioningBotAsync(page, "impediment Build server down since Monday");
            await Assertions.Expect(page.GetByText("Build server down since Monday").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await PlaygroundBrowser.OpenAsync(page, LocalTeams.GeneralChannel);
            await PlaygroundBrowser.PostMentioningBotAsync(page, "sync now");
            await Assertions.Expect(page.GetByText("Posting the check-in", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await PlaygroundBrowser.OpenAndExpectAsync(page, LocalTeams.PlanningChannel, LocalTeams.GeneralChannel,
                p => p.GetByRole(AriaRole.Button, new() { Name = "Send check-in" }).Last);
            await page.GetByRole(AriaRole.Radio, new() { Name = "At risk" }).Last.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send check-in" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByText("Your team's check-in").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The ART's channel tab, as the RTE sees it beside Teams (no sign-in in local development).
            var room = await PlaygroundBrowser.NewPageAsync(page, 1280);
            var loading = Stopwatch.StartNew();
            await room.GotoAsync($"{teams.BotUrl}/room/?conversation={Uri.EscapeDataString(General)}");
            await Assertions.Expect(room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(room.GetByText("Are we confident in our PI objectives?").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            loading.Stop();
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "room-first-view-ms.txt"), loading.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture));
            await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rocket ART");

            var expected = new Dictionary<string, string>
            {
                ["PI overview"] = "Are we confident in our PI objectives?",
                ["Program board"] = "Not planned",
                ["Risks & impediments"] = "Build server down since Monday",
                ["ART sync"] = "At risk",
                ["System Demos"] = "Each iteration's System Demo",
                ["Improvements"] = "Improvements",
                ["Predictability"] = "Predictability",
                ["Quantitative review"] = "Demo acceptance",
                ["Dependencies"] = "Dependencies",
            };
            foreach (var theme in Themes)
            {
                if (theme != "default")
                {
                    await room.GotoAsync($"{teams.BotUrl}/room/?conversation={Uri.EscapeDataString(General)}&theme={theme}");
                    await Assertions.Expect(room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
                }

                foreach (var view in Views)
                {
                    await room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" }).GetByRole(AriaRole.Button, new() { Name = view }).ClickAsync();
                    await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = view, Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    await Assertions.Expect(room.GetByText(expected[view], new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                    await AssertAccessibleAsync(room, $"{view} ({theme})");
                    await room.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"room-{Slug(view)}-{(theme == "default" ? "light" : theme)}.png"), FullPage = true });
                }
            }

            // The program board: a feature the RTE adds through the board's API shows on the open board (it polls), and
            // Rocket's part moves with the card's Move menu (no drag and drop), stored by the bot.
            var nav = room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" });
            await nav.GetByRole(AriaRole.Button, new() { Name = "Program board" }).ClickAsync();
            await Assertions.Expect(room.GetByText("Not planned").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var boardApi = $"{teams.BotUrl}/api/room/board?conversation={Uri.EscapeDataString(General)}";
            var added = await room.APIRequest.PostAsync(boardApi.Replace("/board?", "/board/features?", StringComparison.Ordinal),
                new() { DataObject = new { title = "One-page checkout", businessValue = 8, teams = new[] { Planning } } });
            Assert.Equal(201, added.Status);
            await Assertions.Expect(room.GetByText("One-page checkout").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await room.GetByRole(AriaRole.Button, new() { Name = "Move One-page checkout (Rocket)" }).ClickAsync();
            await room.GetByRole(AriaRole.Button, new() { Name = "To Iteration 2" }).ClickAsync();
            await Assertions.Expect(room.GetByText("Moved One-page checkout (Rocket) to Iteration 2", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var stored = await (await room.APIRequest.GetAsync(boardApi)).JsonAsync();
            Assert.Equal(2, stored!.Value.GetProperty("features")[0].GetProperty("parts")[0].GetProperty("iteration").GetInt32());
            await AssertAccessibleAsync(room, "program board with a feature");
            var image = await room.RunAndWaitForDownloadAsync(() => room.GetByRole(AriaRole.Button, new() { Name = "Download PNG" }).ClickAsync());
            var png = Path.Combine(AppContext.BaseDirectory, "room-program-board.png");
            await image.SaveAsAsync(png);
            var header = await File.ReadAllBytesAsync(png);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, header[..8]); // a PNG, drawn in the page
            Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)) >= 800, "the board image is narrower than the board");
            var narrow = await PlaygroundBrowser.NewPageAsync(page, 280);
            await narrow.GotoAsync($"{teams.BotUrl}/room/?conversation={Uri.EscapeDataString(General)}#board");
            await Assertions.Expect(narrow.GetByRole(AriaRole.Button, new() { Name = "Move One-page checkout (Rocket)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.True(await narrow.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the board scrolls sideways at 280 px");
            await AssertAccessibleAsync(narrow, "program board at 280 px");

            // The risks view as CSV: what Excel opens (UTF-8 with a byte-order mark, a header row, the impediment).
            await room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" }).GetByRole(AriaRole.Button, new() { Name = "Risks & impediments" }).ClickAsync();
            var download = await room.RunAndWaitForDownloadAsync(() => room.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
            var file = Path.Combine(AppContext.BaseDirectory, "art-room-risks.csv");
            await download.SaveAsAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var csv = Encoding.UTF8.GetString(bytes[3..]);
            Assert.StartsWith("Kind,Title,Team,Owner,ROAM,Age (days),Severity,Escalated\r\n", csv, StringComparison.Ordinal);
            Assert.Contains("impediment,Build server down since Monday,Rocket", csv, StringComparison.Ordinal);

            // The same tab in German and in French (outside Teams: ?lang=, else the browser's language; in Teams, Teams' locale).
            await GermanAsync(page);
            await FrenchFromTheBrowserAsync(page);

            // Team Rocket's channel tab, at Teams mobile's width: that team within its ART.
            var mobile = await PlaygroundBrowser.NewPageAsync(page, 360);
            await mobile.GotoAsync($"{teams.BotUrl}/room/?conversation={Uri.EscapeDataString(Planning)}");
            await Assertions.Expect(mobile.GetByText("Are we confident in our PI objectives?").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(mobile.GetByText("Rocket", new() { Exact = false }).First).ToBeVisibleAsync();
            Assert.True(await mobile.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360 px");
            await AssertAccessibleAsync(mobile, "team channel at 360 px");
            await mobile.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "room-team-360.png"), FullPage = true });
        });
    }

    /// <summary>
    /// The tab with <c>?lang=de</c>: <c>lang="de"</c>, German navigation, headings, table headers, badges and buttons
    /// (the SAFe terms of the bot's German texts: Hindernis, Risiko, Verbesserungspunkte), and axe-core in every view.
    /// </summary>
    private async Task GermanAsync(IPage first)
    {
        var room = await PlaygroundBrowser.NewPageAsync(first, 1280);
        await room.GotoAsync($"{teams.BotUrl}/room/?conversation={Uri.EscapeDataString(General)}&lang=de");
        var nav = room.GetByRole(AriaRole.Navigation, new() { Name = "Ansichten des ART-Raums" });
        await Assertions.Expect(nav).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal("de", await room.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rocket ART");
        await Assertions.Expect(room.GetByText("Angemeldet als", new() { Exact = false }).First).ToBeVisibleAsync();

        // PI overview: German headings and column headers around the (English) vote question.
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "PI-Übersicht", Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(room.GetByText("Are we confident in our PI objectives?").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Vertrauensabstimmungen in PI 2026.4", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Vertrauen über die PIs", Level = 3 })).ToBeVisibleAsync();
        foreach (var column in new[] { "Team", "Frage", "Runde", "Stimmen", "Durchschnitt", "Ergebnis" })
        {
            await Assertions.Expect(room.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true }).First).ToBeVisibleAsync();
        }
        await Assertions.Expect(room.GetByRole(AriaRole.Button, new() { Name = "CSV herunterladen" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(room, "PI-Übersicht (de)");
        await room.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "room-pi-overview-de.png"), FullPage = true });

        // Risks & impediments: the ROAM board, the impediments table and the age chart's texts in German.
        await nav.GetByRole(AriaRole.Button, new() { Name = "Risiken & Hindernisse" }).ClickAsync();
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Risiken & Hindernisse", Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(room.GetByText("Build server down since Monday").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "ROAM-Board", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Offene Hindernisse nach Alter", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Nicht eingestuft", Level = 4 })).ToBeVisibleAsync();
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Gemindert", Level = 4 })).ToBeVisibleAsync();
        foreach (var column in new[] { "Hindernis", "Zuständig", "Alter (Tage)", "Schweregrad", "Eskaliert" })
        {
            await Assertions.Expect(room.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true }).First).ToBeVisibleAsync();
        }
        await Assertions.Expect(room.GetByText(new System.Text.RegularExpressions.Regex(@"^\d+ offenes? Hindernis(se)?\.$")).First).ToBeVisibleAsync();
        await Assertions.Expect(room.GetByText("Zahlen anzeigen").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(room, "Risiken & Hindernisse (de)");
        await room.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "room-risks-impediments-de.png"), FullPage = true });

        // The other views: German headings, and axe-core finds nothing serious there either.
        var others = new Dictionary<string, string>
        {
            ["ART Sync"] = "Gefährdet",
            ["Verbesserungspunkte"] = "Einträge nach Status pro PI",
            ["Vorhersagbarkeit"] = "Vorhersagbarkeit",
            ["Abhängigkeiten"] = "Abhängigkeiten",
        };
        foreach (var (view, text) in others)
        {
            await nav.GetByRole(AriaRole.Button, new() { Name = view }).ClickAsync();
            await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = view, Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(room.GetByText(text, new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await AssertAccessibleAsync(room, $"{view} (de)");
        }
        await room.CloseAsync();
    }

    /// <summary>Without ?lang=, a browser in French (navigator.language fr-FR) gets the tab in French.</summary>
    private async Task FrenchFromTheBrowserAsync(IPage first)
    {
        var room = await first.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        await room.RouteAsync("**/*", route => route.Request.Url.StartsWith(teams.BotUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await room.GotoAsync($"{teams.BotUrl}/room/?conversation={Uri.EscapeDataString(General)}");
        await Assertions.Expect(room.GetByRole(AriaRole.Navigation, new() { Name = "Vues de la salle ART" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal("fr", await room.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Vue d'ensemble du PI", Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = "Votes de confiance de PI 2026.4", Level = 3 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await room.CloseAsync();
    }

    /// <summary>axe-core (pinned in .dev/package.json) finds no serious or critical violation on the page as it is.</summary>
    internal static Task AssertAccessibleAsync(IPage page, string where) => Axe.AssertAccessibleAsync(page.MainFrame, where);

    internal static string Slug(string view) => view.ToLowerInvariant().Replace(" & ", "-", StringComparison.Ordinal).Replace(' ', '-');

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
