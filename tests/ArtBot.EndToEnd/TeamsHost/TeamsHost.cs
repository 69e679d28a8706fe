using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The Teams client in headless Chromium, for one signed-in user: each <see cref="OpenAsync"/> is a Teams window (served
/// as https://teams.microsoft.com through Playwright's routing, since teams-js answers only a parent on a Teams origin)
/// that embeds an app page in an iframe of the given size, and answers the page's teams-js calls as Teams does
/// (<c>TeamsHost.Protocol.cs</c>): initialize in the frame context given, getContext, SSO tokens from a
/// <see cref="TeamsSsoIssuer"/> the bot trusts, stage sharing, dialog submit, settings save, theme changes. Whatever
/// else a page calls is answered as Teams answers an unsupported call and kept in <see cref="UnsupportedCalls"/>; any
/// request outside the app's origins is refused and kept in <see cref="BlockedRequests"/> (<see cref="AssertNoSurprises"/>).
/// </summary>
public sealed partial class TeamsHost : IAsyncDisposable
{
    public const string Origin = "https://teams.microsoft.com";
    private const string HostPath = "/_artbot-test/host";

    /// <summary>Where teams-js looks up the origins it accepts as its parent (beyond the list it ships with).</summary>
    private const string ValidDomainsUrl = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";

    /// <summary>Part of what that CDN answers (the list teams-js ships with starts the same way).</summary>
    private const string ValidDomains =
        """{"validOrigins":["teams.microsoft.com","teams.microsoft.us","gov.teams.microsoft.us","dod.teams.microsoft.us","int.teams.microsoft.com","outlook.office.com","outlook.office365.com","teams.live.com","*.cloud.microsoft","www.office.com","www.microsoft365.com"]}""";

    private readonly IPlaywright? _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly TeamsSsoIssuer _issuer;
    private readonly MeetingStage _stage;
    private readonly ConcurrentDictionary<int, TeamsHostFrame> _frames = new();
    private readonly ConcurrentDictionary<string, bool> _appOrigins = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<TeamsHostCall> _calls = new();
    private readonly ChangeSignal _called = new();
    private readonly ConcurrentQueue<TeamsHostCall> _unsupported = new();
    private readonly ConcurrentQueue<DialogSubmission> _dialogs = new();
    private readonly ConcurrentQueue<JsonNode> _settings = new();
    private readonly ConcurrentQueue<string> _blocked = new();
    private readonly ConcurrentQueue<string> _deepLinks = new();
    private readonly ConcurrentDictionary<string, (string ContentType, string Body)> _served;
    private readonly string _sessionId = Guid.NewGuid().ToString();
    private int _nextFrame;
    private int _validDomainsLookups;

    private TeamsHost(
        IPlaywright? playwright, IBrowser browser, IBrowserContext context, TeamsSsoIssuer issuer, TeamsUser user, MeetingStage stage,
        ConcurrentDictionary<string, (string ContentType, string Body)> served)
    {
        _served = served;
        _playwright = playwright;
        _browser = browser;
        _context = context;
        _issuer = issuer;
        _stage = stage;
        User = user;
    }

    /// <summary>Who is signed in to this Teams: the user of every token and context.</summary>
    public TeamsUser User { get; }

    /// <summary>When set, <c>authentication.getAuthToken</c> fails with this reason (e.g. <c>resourceRequiresConsent</c>).</summary>
    public string? AuthTokenError { get; set; }

    /// <summary>Every teams-js call the pages made, in order.</summary>
    public IReadOnlyList<TeamsHostCall> Calls => [.. _calls];

    /// <summary>Calls this host does not answer as Teams would (answered "not supported on platform").</summary>
    public IReadOnlyList<TeamsHostCall> UnsupportedCalls => [.. _unsupported];

    /// <summary>Requests the pages made outside the app's origins (refused: no internet, and a page should need none).</summary>
    public IReadOnlyList<string> BlockedRequests => [.. _blocked];

    /// <summary>How often a page's teams-js looked up the valid origins on Microsoft's CDN (answered as the CDN does).</summary>
    public int ValidDomainsLookups => Volatile.Read(ref _validDomainsLookups);

    /// <summary>What was shared to the meeting's stage, in order (by any user of this meeting).</summary>
    public IReadOnlyList<StageShare> SharedToStage => _stage.Shares;

    /// <summary>Whether an app's content is on the stage now.</summary>
    public bool IsSharingToStage => _stage.IsSharing;

    /// <summary>What dialogs handed back with <c>dialog.url.submit</c>, in order.</summary>
    public IReadOnlyList<DialogSubmission> SubmittedDialogs => [.. _dialogs];

    /// <summary>Deep links the pages opened (<c>app.openLink</c>), in order.</summary>
    public IReadOnlyList<string> OpenedLinks => [.. _deepLinks];

    /// <summary>What configuration pages saved with <c>pages.config.setConfig</c>, in order.</summary>
    public IReadOnlyList<JsonNode> SavedSettings => [.. _settings];

    /// <summary>The frames opened, in order.</summary>
    public IReadOnlyList<TeamsHostFrame> Frames => [.. _frames.Values.OrderBy(f => f.Id)];

    /// <summary>Starts Chromium and signs <paramref name="user"/> in; tokens come from <paramref name="issuer"/>.</summary>
    public static async Task<TeamsHost> StartAsync(TeamsSsoIssuer issuer, TeamsUser user)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Headless Chromium gives an app's iframe (another origin, so its own process, as in Teams) an animation
            // frame only every 2 s in all but the newest window: Playwright's clicks there then wait that long and, with
            // stale hit-test data, can miss the frame. Unthrottled frames keep every window of a meeting live.
            var browser = await PlaygroundBrowser.LaunchAsync(playwright, "--disable-frame-rate-limit");
            return await CreateAsync(playwright, browser, issuer, user, new MeetingStage(), new(StringComparer.Ordinal));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Another person's Teams in the same browser and the same meeting (its stage is this host's), seeing the same
    /// <see cref="Serve"/>d pages.
    /// </summary>
    public Task<TeamsHost> AsUserAsync(TeamsUser user) => CreateAsync(null, _browser, _issuer, user, _stage, _served);

    private static async Task<TeamsHost> CreateAsync(
        IPlaywright? playwright, IBrowser browser, TeamsSsoIssuer issuer, TeamsUser user, MeetingStage stage,
        ConcurrentDictionary<string, (string ContentType, string Body)> served)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Locale = "en-US" });

        // Chromium asks before a public origin (the routed Teams origin) reaches a loopback server (the bot): Teams' users have no loopback bot.
        await context.GrantPermissionsAsync(["local-network-access"]);
        var host = new TeamsHost(playwright, browser, context, issuer, user, stage, served);
        await context.RouteAsync(url => host._served.ContainsKey(url) || !host.IsAppUrl(url), host.RouteAsync);
        return host;
    }

    /// <summary>
    /// Opens <paramref name="url"/> the way Teams shows an app page: in an iframe of <paramref name="width"/> by
    /// <paramref name="height"/> pixels, in <paramref name="frameContext"/> (<see cref="TeamsFrameContexts"/>), with
    /// <paramref name="context"/> (default: an English channel-less content page) for <c>getContext</c>.
    /// </summary>
    public async Task<TeamsHostFrame> OpenAsync(string url, string frameContext = TeamsFrameContexts.Content, int width = 1280, int height = 900, TeamsContext? context = null)
    {
        if (!TeamsFrameContexts.All.Contains(frameContext))
        {
            throw new ArgumentOutOfRangeException(nameof(frameContext), frameContext, "Not a teams-js frame context.");
        }

        var frame = new TeamsHostFrame(Interlocked.Increment(ref _nextFrame), url, frameContext, width, height, context ?? new TeamsContext());
        _appOrigins.TryAdd(new Uri(url).GetLeftPart(UriPartial.Authority), true);
        _frames[frame.Id] = frame;
        var page = await _context.NewPageAsync();
        frame.Page = page;
        await page.SetViewportSizeAsync(width, height);
        await page.ExposeFunctionAsync<string, string, string>("artbotTeamsHost", (message, origin) => Answer(frame, message, origin));
        await page.GotoAsync($"{Origin}{HostPath}?frame={frame.Id}");
        var element = await page.QuerySelectorAsync("#app") ?? throw new InvalidOperationException("The host page has no app frame.");
        frame.App = await element.ContentFrameAsync() ?? throw new InvalidOperationException("The app frame did not load.");
        return frame;
    }

    /// <summary>Opens what was last shared to the stage, as everyone in the meeting sees it (994 x 678 by default).</summary>
    public Task<TeamsHostFrame> OpenSharedStageAsync(TeamsContext context, int width = 994, int height = 678) =>
        _stage.Shares.Count == 0
            ? throw new InvalidOperationException("Nothing was shared to the stage.")
            : OpenAsync(_stage.Shares[^1].Url, TeamsFrameContexts.MeetingStage, width, height, context);

    /// <summary>The user switches Teams' theme: every open frame gets <c>themeChange</c>, and later contexts say so.</summary>
    public async Task ChangeThemeAsync(string theme)
    {
        foreach (var frame in _frames.Values.Where(f => !f.IsClosed))
        {
            frame.Context = frame.Context with { Theme = theme };
            await SendAsync(frame, "themeChange", JsonSerializer.Serialize(new[] { theme }));
        }
    }

    /// <summary>The user presses Save on a configuration page (<see cref="TeamsFrameContexts.Settings"/>): Teams sends <c>settings.save</c>.</summary>
    public Task SaveSettingsAsync(TeamsHostFrame frame) =>
        _frames.ContainsKey(frame.Id) && frame.FrameContext == TeamsFrameContexts.Settings
            ? SendAsync(frame, "settings.save", "[{}]")
            : throw new ArgumentException("Not a configuration page of this host.", nameof(frame));

    /// <summary>
    /// Answers <paramref name="url"/> with <paramref name="body"/>, as if its origin served it: a page that exists only in
    /// a test (the host's own tests serve teams-js itself on an app origin).
    /// </summary>
    public void Serve(string url, string contentType, string body) => _served[url] = (contentType, body);

    /// <summary>
    /// The first call of <paramref name="func"/> (that <paramref name="match"/>es) a page made: as soon as it arrives (or
    /// has), within the test deadline.
    /// </summary>
    public async Task<TeamsHostCall> WhenCalledAsync(string func, Func<TeamsHostCall, bool>? match = null)
    {
        bool Wanted(TeamsHostCall c) => c.Func == func && (match is null || match(c));
        await _called.When(() => _calls.Any(Wanted))
            .WithinDeadline($"a page calling {func}; calls so far: {string.Join("; ", _calls.Select(c => c.Func))}");
        return _calls.First(Wanted);
    }

    /// <summary>Fails listing every teams-js call this host does not answer as Teams would, and every request it refused.</summary>
    public void AssertNoSurprises()
    {
        Assert.True(_unsupported.IsEmpty && _blocked.IsEmpty,
            $"Unexpected teams-js calls: [{string.Join("; ", _unsupported)}]; requests outside the app: [{string.Join("; ", _blocked)}]");
    }

    private static async Task SendAsync(TeamsHostFrame frame, string func, string argsJson) =>
        await frame.Page.EvaluateAsync("([func, args]) => window.artbotTeamsHostSend(func, args)", new[] { func, argsJson });

    private bool IsAppUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && _appOrigins.ContainsKey(uri.GetLeftPart(UriPartial.Authority));

    private async Task RouteAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.GetLeftPart(UriPartial.Authority) == Origin && url.AbsolutePath == HostPath
            && int.TryParse(System.Web.HttpUtility.ParseQueryString(url.Query)["frame"], out var id) && _frames.TryGetValue(id, out var frame))
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = TeamsHostPage.Html(frame) });
            return;
        }

        if (route.Request.Url == ValidDomainsUrl)
        {
            Interlocked.Increment(ref _validDomainsLookups);
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = ValidDomains, Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" } });
            return;
        }

        if (_served.TryGetValue(route.Request.Url, out var served))
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = served.ContentType, Body = served.Body });
            return;
        }

        _blocked.Enqueue(route.Request.Url);
        await route.AbortAsync("blockedbyclient");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        if (_playwright is not null)
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    /// <summary>The meeting's stage, which every user's Teams in the meeting sees.</summary>
    private sealed class MeetingStage
    {
        private readonly Lock _gate = new();
        private readonly List<StageShare> _shares = [];

        public bool IsSharing { get; private set; }

        public IReadOnlyList<StageShare> Shares
        {
            get
            {
                lock (_gate)
                {
                    return [.. _shares];
                }
            }
        }

        public void Share(StageShare share)
        {
            lock (_gate)
            {
                _shares.Add(share);
                IsSharing = true;
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                IsSharing = false;
            }
        }
    }
}
