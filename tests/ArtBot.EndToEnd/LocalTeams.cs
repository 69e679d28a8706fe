using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ArtBot.DemoTrain;
using ArtBot.Tests.Shared;

namespace ArtBot.EndToEnd;

/// <summary>
/// The real pieces a newcomer runs locally: Azurite, the bot as its own process (local-development mode; the build
/// <see cref="BotBuild"/> names, else this project's copy of <c>ArtBot.dll</c>), and the Microsoft 365 Agents Playground
/// (the Teams emulator) talking to it; with a <see cref="LocaleOverride"/>, through a <see cref="LocaleForwarder"/> that
/// gives that one user's activities their own Teams locale (the Playground sends en-US for everyone).
/// </summary>
public sealed partial class LocalTeams : IAsyncLifetime
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string PersonalChatId = "a:1-personal-alex-artbot";
    public const string BotName = "ArtBot";
    /// <summary>The Playground team's channels (.dev/playground/.m365agentsplayground.yml).</summary>
    public const string GeneralChannel = "General";
    public const string PlanningChannel = "PI Planning";
    /// <summary>Team Comet's channel in the second Playground (.dev/playground-comet).</summary>
    public const string CometChannel = "Comet Planning";
    /// <summary>The Playground team's id (its General channel's).</summary>
    public const string TeamId = "19:team-general@thread.tacv2";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private AzuriteInstance? _azurite;
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private ChildProcess? _comet;
    private readonly LocaleOverride? _localeOverride;
    private LocaleForwarder? _forwarder;

    private readonly Lazy<Task<DemoTrainResult>> _demoTrain;

    public LocalTeams() => _demoTrain = new(SeedDemoTrainAsync);

    /// <summary>The Playground sends to the bot through a <see cref="LocaleForwarder"/> applying <paramref name="localeOverride"/>.</summary>
    internal LocalTeams(LocaleOverride localeOverride)
        : this() => _localeOverride = localeOverride;

    /// <summary>The demo train (<c>bash .dev/run-local.sh --demo</c>) in the bot's storage, reached through the Playground: seeded once.</summary>
    public Task<DemoTrainResult> DemoTrain => _demoTrain.Value;

    public string StorageConnectionString => _azurite!.ConnectionString;
    public string BotUrl { get; private set; } = "";
    public string PlaygroundUrl { get; private set; } = "";
    public string CometUrl { get; private set; } = "";
    public string BotOutput => _bot?.Output ?? "";
    /// <summary>The forwarder between the Playgrounds and the bot (null without a <see cref="LocaleOverride"/>).</summary>
    public LocaleForwarder? Forwarder => _forwarder;
    /// <summary>Where the Playgrounds send activities: the bot's endpoint, or the forwarder's in front of it.</summary>
    private string PlaygroundBotEndpoint => (_forwarder is null ? BotUrl + "/" : _forwarder.Url) + "api/messages";

    public async Task InitializeAsync()
    {
        var root = Azurite.FindRepositoryRoot();
        _azurite = await Azurite.StartAsync();

        BotUrl = $"http://127.0.0.1:{FreePort()}";
        var bot = BotBuild.Configured ?? Path.Combine(AppContext.BaseDirectory, "ArtBot.dll");
        var (program, arguments) = BotBuild.CommandFor(bot);
        _bot = ChildProcess.Start(
            program,
            [.. arguments, "--urls", BotUrl],
            Path.GetDirectoryName(bot)!,
            new Dictionary<string, string>
            {
                ["MicrosoftAppId"] = "",
                ["Storage__ConnectionString"] = StorageConnectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            });
        await _bot.WaitUntilAsync(() => IsOkAsync(BotUrl + "/health/ready"), "The bot becoming ready", TimeSpan.FromSeconds(60));
        if (_localeOverride is not null)
        {
            _forwarder = await LocaleForwarder.StartAsync(BotUrl, _localeOverride);
        }

        (_playground, PlaygroundUrl) = await StartPlaygroundAsync(Path.Combine(root, ".dev", "playground"));
    }

    /// <summary>
    /// Starts the second team's Playground (<c>.dev/playground-comet</c>: team Comet of the same tenant, Isaiah at the
    /// keyboard) once, against the same bot; returns its URL. A Playground emulates one team with at most two channels.
    /// </summary>
    public async Task<string> StartCometAsync()
    {
        if (_comet is null)
        {
            (_comet, CometUrl) = await StartPlaygroundAsync(Path.Combine(Azurite.FindRepositoryRoot(), ".dev", "playground-comet"));
        }

        return CometUrl;
    }

    private async Task<(ChildProcess Process, string Url)> StartPlaygroundAsync(string configDirectory)
    {
        var root = Azurite.FindRepositoryRoot();
        var playground = ChildProcess.Start(
            "node",
            [
                Path.Combine(root, ".dev", "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
                "-e", PlaygroundBotEndpoint, "-c", "msteams", "-p", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry",
            ],
            configDirectory,
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" });
        await playground.WaitUntilAsync(() => Task.FromResult(ListeningOn().IsMatch(playground.Output)), "The Playground listening", TimeSpan.FromSeconds(60));
        var url = "http://localhost:" + ListeningOn().Match(playground.Output).Groups[1].Value;
        await playground.WaitUntilAsync(() => IsOkAsync(url + "/_debug/ping"), "The Playground answering ping", TimeSpan.FromSeconds(30));
        return (playground, url);
    }

    private static async Task<bool> IsOkAsync(string url)
    {
        try
        {
            using var response = await Http.GetAsync(url);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private Task<DemoTrainResult> SeedDemoTrainAsync() =>
        new DemoTrainSeeder(DemoStorage.Client(StorageConnectionString), TimeProvider.System, new DemoTrainOptions
        {
            ServiceUrl = PlaygroundUrl + "/_connector",
        }).SeedAsync(CancellationToken.None);

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    public async Task DisposeAsync()
    {
        if (_comet is not null)
        {
            await _comet.DisposeAsync();
        }

        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_forwarder is not null)
        {
            await _forwarder.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
