using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.DemoTrain;
using ArtBot.Tests.Shared;

namespace ArtBot.EndToEnd;

/// <summary>
/// The bot as deployed to a tenant, as a process of its own (the build <see cref="BotBuild"/> names): an app id, so
/// activities must carry a channel token, outgoing calls take a managed-identity token and the ART room signs in with
/// Teams SSO. Around it, local stand-ins: Azurite, the tenant's Bot Connector (<see cref="TeamsConnectorStandIn"/>), the
/// channel's OpenID metadata (activities signed with <see cref="TestTokenIssuer"/>) and an Entra-like issuer of SSO
/// tokens for the room's own app registration (<see cref="TeamsSsoIssuer"/>), which a <see cref="TeamsHost"/> hands out.
/// </summary>
public sealed class SignedInBot : IAsyncLifetime
{
    public const string TenantId = DemoTrainOptions.PlaygroundTenant;

    /// <summary>The bot's managed identity (its Bot Framework app id).</summary>
    public const string AppId = "7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    /// <summary>The ART room's app registration (<c>webApplicationInfo.id</c>): a managed identity cannot expose an API.</summary>
    public const string SsoClientId = "3f9c2a71-5d8e-4b6a-9c1f-0e2d4a6b8c10";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lazy<Task<DemoTrainResult>> _demoTrain;
    private AzuriteInstance? _azurite;
    private OpenIdMetadataServer? _channel;
    private ChildProcess? _bot;

    public SignedInBot() => _demoTrain = new(SeedDemoTrainAsync);

    public string BotUrl { get; private set; } = "";

    public string BotOutput => _bot?.Output ?? "";

    public string StorageConnectionString => _azurite!.ConnectionString;

    public TeamsConnectorStandIn Connector { get; private set; } = null!;

    public TeamsSsoIssuer Sso { get; private set; } = null!;

    /// <summary>Signs activities as the Bot Framework channel does.</summary>
    public TestTokenIssuer ChannelTokens { get; } = new();

    /// <summary>The demo train (<c>bash .dev/run-local.sh --demo</c>) in this tenant, reached through <see cref="Connector"/>: seeded once.</summary>
    public Task<DemoTrainResult> DemoTrain => _demoTrain.Value;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Connector = await TeamsConnectorStandIn.StartAsync();
        _channel = await OpenIdMetadataServer.StartAsync(ChannelTokens);
        Sso = await TeamsSsoIssuer.StartAsync(SsoClientId, "api://localhost/" + SsoClientId);

        BotUrl = $"http://127.0.0.1:{LocalTeams.FreePort().ToString(CultureInfo.InvariantCulture)}";
        var bot = BotBuild.Configured ?? Path.Combine(AppContext.BaseDirectory, "ArtBot.dll");
        var (program, arguments) = BotBuild.CommandFor(bot);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["IDENTITY_ENDPOINT"] = Connector.IdentityEndpoint,
            ["IDENTITY_HEADER"] = ManagedIdentityStandIn.Header,
            ["ToBotFromChannelOpenIdMetadataUrl"] = _channel.MetadataUrl,
            ["Graph__Enabled"] = "false",
            ["Sync__SchedulerEnabled"] = "false",
            ["Storage__ConnectionString"] = StorageConnectionString,

            // The meeting pages' address in the bot's in-meeting notifications is the bot's own; concern prompts go out at once.
            ["Meetings__PublicUrl"] = BotUrl,
            ["Meetings__ConcernPromptDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in Sso.Settings)
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        _bot = ChildProcess.Start(program, [.. arguments, "--urls", BotUrl], Path.GetDirectoryName(bot)!, settings);
        await _bot.WaitForOutputAsync("Application started", "The bot starting", TimeSpan.FromSeconds(60));
        using var ready = await Http.GetAsync(BotUrl + "/health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"The bot is not ready ({ready.StatusCode}). Output:\n{BotOutput}");
    }

    /// <summary>Posts <paramref name="activity"/> to the bot's /api/messages with a channel token, as Teams does.</summary>
    public async Task<HttpStatusCode> PostActivityAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotUrl + "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChannelTokens.CreateToken(AppId, activity["serviceUrl"]!.GetValue<string>()));
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private Task<DemoTrainResult> SeedDemoTrainAsync() =>
        new DemoTrainSeeder(DemoStorage.Client(StorageConnectionString), TimeProvider.System, new DemoTrainOptions
        {
            TenantId = TenantId,
            ServiceUrl = Connector.ServiceUrl,
            CometServiceUrl = Connector.ServiceUrl,
        }).SeedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (Sso is not null)
        {
            await Sso.DisposeAsync();
        }

        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
