using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>Headless Debian Chromium on the Playground's UI, with the selectors that work for it.</summary>
public static class PlaygroundBrowser
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task SendAsync(IPage page, string text)
    {
        var composer = page.Locator("[role=\"textbox\"][data-lexical-editor=\"true\"]").Last;
        await composer.ClickAsync();
        await composer.PressSequentiallyAsync(text);
        await composer.PressAsync("Enter");
    }

    /// <summary>Opens a chat or channel from the left-hand list (its accessible name holds the name, icons and last message).</summary>
    public static async Task OpenAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Treeitem, new() { NameRegex = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(name)) }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Opens a channel and waits for <paramref name="expected"/>, a post the bot sends there on its own (not as a reply to
    /// what the test just typed). Seen once in a full-suite run: the post reached the Playground (its log said 201) yet
    /// the open channel never showed it. So after 15 s the channel is opened again (via <paramref name="other"/>) once.
    /// </summary>
    public static async Task OpenAndExpectAsync(IPage page, string channel, string other, Func<IPage, ILocator> expected)
    {
        await OpenAsync(page, channel);
        try
        {
            await Assertions.Expect(expected(page)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
            await OpenAsync(page, other);
            await OpenAsync(page, channel);
            await Assertions.Expect(expected(page)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
    }

    /// <summary>
    /// Picks a time zone in the newest card's typeahead list (a filtered choice set, a combobox in the Playground):
    /// types <paramref name="typed"/>, then clicks the offered zone <paramref name="zoneId"/> ("(UTC+01:00) Europe/Berlin").
    /// </summary>
    public static async Task ChooseTimeZoneAsync(IPage page, string typed, string zoneId)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Time zone") }).Last;
        await box.ClickAsync();
        await box.FillAsync(typed);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = ") " + zoneId }).First.ClickAsync();
    }

    /// <summary>Starts a new channel post: <c>@</c>, the bot picked from the mention menu, the text, then Post.</summary>
    public static async Task PostMentioningBotAsync(IPage page, string text)
    {
        var newPost = page.Locator("[role=\"textbox\"][data-lexical-editor=\"true\"]").First;
        await newPost.ClickAsync();
        await newPost.PressSequentiallyAsync("@");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = LocalTeams.BotName }).ClickAsync(); // not exact: the name also holds the avatar
        await newPost.PressSequentiallyAsync(" " + text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
    }

    /// <summary>Another Playground (another Teams team) in a second page of the same browser, its personal chat open.</summary>
    public static async Task<IPage> OpenOtherPlaygroundAsync(IPage first, string url)
    {
        var page = await NewPageAsync(first, 1400);
        await page.GotoAsync(url);
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat" }).First.ClickAsync(new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>A new page of the same browser, <paramref name="width"/> pixels wide, with no internet.</summary>
    public static async Task<IPage> NewPageAsync(IPage first, int width)
    {
        var page = await first.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 1000 }, AcceptDownloads = true });
        await BlockInternetAsync(page);
        return page;
    }

    /// <summary>The UI asks a CDN for fonts; this machine (and CI) has no internet.</summary>
    private static async Task BlockInternetAsync(IPage page) => await page.RouteAsync("**/*", route =>
    {
        var host = new Uri(route.Request.Url).Host;
        return host is "localhost" or "127.0.0.1" ? route.ContinueAsync() : route.AbortAsync();
    });

    /// <summary>Headless Debian Chromium, offline-friendly (no background networking, sync or component updates), with <paramref name="extraArgs"/>.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run 'bash .dev/setup.sh --browser' (the test command does).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", .. extraArgs,
            ],
        });
    }

    /// <summary>Opens the Playground's personal chat in headless Chromium and runs <paramref name="scenario"/>; screenshots into the test output.</summary>
    public static async Task RunAsync(LocalTeams teams, string name, Func<IPage, Task> scenario)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await BlockInternetAsync(page);

        try
        {
            await page.GotoAsync(teams.PlaygroundUrl);
            await page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat" }).First.ClickAsync(new() { Timeout = 30_000 });
            await scenario(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"playground-{name}.png"), FullPage = true });
        }
        catch (Exception failure) when (failure is not Xunit.Sdk.XunitException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"playground-{name}-failure.png"), FullPage = true });
            throw new Xunit.Sdk.XunitException($"The Playground scenario failed ({failure.Message}); see playground-{name}-failure.png. Bot output:\n{teams.BotOutput}", failure);
        }
    }
}
