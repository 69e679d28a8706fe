using ArtBot.Storage.Conversations;
using ArtBot.Storage.Tables;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// Microsoft's Teams emulator drives the bot in headless Chromium, as a newcomer would in a browser:
/// the installation is stored in Azurite, the welcome card and the help card render in the chat.
/// </summary>
public sealed class PlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Opening_the_personal_chat_installs_the_bot_and_help_answers_with_the_help_card()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run 'bash .dev/setup.sh --browser' (the test command does).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        // The UI asks a CDN for fonts; this machine (and CI) has no internet.
        await page.RouteAsync("**/*", route =>
        {
            var host = new Uri(route.Request.Url).Host;
            return host is "localhost" or "127.0.0.1" ? route.ContinueAsync() : route.AbortAsync();
        });

        try
        {
            await page.GotoAsync(teams.PlaygroundUrl);
            var personalChat = page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat" });
            await personalChat.First.ClickAsync(new() { Timeout = 30_000 });

            // Opening the chat installs the bot: the welcome card arrives and the conversation is stored.
            await Assertions.Expect(page.GetByText("Hi, I'm ArtBot").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var stored = await new ConversationStore(new TableServiceClient(teams.StorageConnectionString).GetTableClient(ConversationStore.TableName))
                .GetAsync(LocalTeams.TenantId, LocalTeams.PersonalChatId, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal("personal", stored.ConversationType);
            Assert.Contains("/_connector", stored.ServiceUrl, StringComparison.Ordinal);
            Assert.False(stored.Removed);

            var composer = page.Locator("[role=\"textbox\"][data-lexical-editor=\"true\"]").Last;
            await composer.ClickAsync();
            await composer.PressSequentiallyAsync("help");
            await composer.PressAsync("Enter");

            await Assertions.Expect(page.GetByText("ArtBot help").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Show what ArtBot can do").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-help.png"), FullPage = true });
        }
        catch (Exception failure) when (failure is not Xunit.Sdk.XunitException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-failure.png"), FullPage = true });
            throw new Xunit.Sdk.XunitException($"The Playground scenario failed ({failure.Message}); see playground-failure.png. Bot output:\n{teams.BotOutput}", failure);
        }
    }
}
