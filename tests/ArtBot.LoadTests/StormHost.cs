using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>
/// The bot as deployed (<see cref="BotProcess.PrepareAsync"/>: the published build, or the one <c>ARTBOT_BOT</c> names) as a
/// process of its own on a loopback port: UserAssignedMSI with its connector token from the stand-in's managed-identity
/// endpoint, channel JWTs validated against a local OpenID metadata server, storage in Azurite (in memory) behind the
/// counting proxy, the connector a local server that answers at once. Graph is off (rosters from the connector).
/// </summary>
public sealed class StormHost : IAsyncDisposable
{
    public const string AppId = "7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private StormHost(TestTokenIssuer tokens, AzuriteInstance azurite, CountingProxy storage, OpenIdMetadataServer metadata, FastConnector connector, BotProcess bot, string botPath)
    {
        Tokens = tokens;
        Azurite = azurite;
        Storage = storage;
        Metadata = metadata;
        Connector = connector;
        Bot = bot;
        BotPath = botPath;
    }

    public AzuriteInstance Azurite { get; }

    public CountingProxy Storage { get; }

    public OpenIdMetadataServer Metadata { get; }

    public FastConnector Connector { get; }

    public TestTokenIssuer Tokens { get; }

    public BotProcess Bot { get; }

    /// <summary>The build that runs (an executable or an <c>ArtBot.dll</c>).</summary>
    public string BotPath { get; }

    public HttpClient Client => Bot.Client;

    public static async Task<StormHost> StartAsync()
    {
        var path = await BotProcess.PrepareAsync().ConfigureAwait(false);
        var azurite = await Tests.Shared.Azurite.StartAsync().ConfigureAwait(false);
        var storage = await CountingProxy.StartAsync(azurite.Port).ConfigureAwait(false);
        var connector = await FastConnector.StartAsync().ConfigureAwait(false);
        var tokens = new TestTokenIssuer();
        var metadata = await OpenIdMetadataServer.StartAsync(tokens).ConfigureAwait(false);
        var bot = await BotProcess.StartAsync(path, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = metadata.MetadataUrl,
            ["IDENTITY_ENDPOINT"] = connector.IdentityEndpoint,
            ["IDENTITY_HEADER"] = ManagedIdentityStandIn.Header,
            ["Graph:Enabled"] = "false",
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        }).ConfigureAwait(false);
        return new StormHost(tokens, azurite, storage, metadata, connector, bot, path);
    }

    /// <summary>A valid channel token for the connector's serviceUrl (Teams reuses its token across requests too).</summary>
    public string Bearer() => TestTokenIssuer.Bearer(Tokens.CreateToken(TestTokenKind.Valid, AppId, Connector.ServiceUrl));

    /// <summary>Posts an activity to /api/messages; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", bearer);
        using var response = await Client.SendAsync(request).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync().ConfigureAwait(false);
        await Metadata.DisposeAsync().ConfigureAwait(false);
        await Connector.DisposeAsync().ConfigureAwait(false);
        await Storage.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }
}
