using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>
/// The bot as deployed (<see cref="BotProcess.PrepareAsync"/>: the published build, or the one <c>ARTBOT_BOT</c> names) as
/// <c>instances</c> processes of their own on loopback ports, as App Service scale-out runs it: UserAssignedMSI with its
/// connector token from the stand-in's managed-identity endpoint, channel JWTs validated against a local OpenID metadata
/// server, one storage account (Azurite, in memory; each process counts its own storage requests, <see cref="BotCosts"/>),
/// the connector a local server that answers at once. Graph is off (rosters from the connector). Each request goes to an
/// instance picked at random, as a load balancer without session affinity spreads them.
/// </summary>
public sealed class StormHost : IAsyncDisposable
{
    public const string AppId = "7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly List<BotProcess> _bots;

    private StormHost(TestTokenIssuer tokens, AzuriteInstance azurite, OpenIdMetadataServer metadata, FastConnector connector, List<BotProcess> bots, string botPath)
    {
        Tokens = tokens;
        Azurite = azurite;
        Metadata = metadata;
        Connector = connector;
        _bots = bots;
        BotPath = botPath;
    }

    public AzuriteInstance Azurite { get; }

    public OpenIdMetadataServer Metadata { get; }

    public FastConnector Connector { get; }

    public TestTokenIssuer Tokens { get; }

    /// <summary>The instances, all on the same storage.</summary>
    public IReadOnlyList<BotProcess> Bots => _bots;

    /// <summary>The build that runs (an executable or an <c>ArtBot.dll</c>).</summary>
    public string BotPath { get; }

    /// <summary>The sum of every instance's peak resident set.</summary>
    public long PeakWorkingSetBytes => Bots.Sum(b => b.PeakWorkingSetBytes);

    public static async Task<StormHost> StartAsync(int instances = 1)
    {
        var path = await BotProcess.PrepareAsync().ConfigureAwait(false);
        var azurite = await Tests.Shared.Azurite.StartAsync().ConfigureAwait(false);
        var connector = await FastConnector.StartAsync().ConfigureAwait(false);
        var tokens = new TestTokenIssuer();
        var metadata = await OpenIdMetadataServer.StartAsync(tokens).ConfigureAwait(false);
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = metadata.MetadataUrl,
            ["IDENTITY_ENDPOINT"] = connector.IdentityEndpoint,
            ["IDENTITY_HEADER"] = ManagedIdentityStandIn.Header,
            ["Graph:Enabled"] = "false",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        };
        var host = new StormHost(tokens, azurite, metadata, connector, [], path);
        try
        {
            for (var i = 0; i < instances; i++)
            {
                host._bots.Add(await BotProcess.StartAsync(path, settings).ConfigureAwait(false));
            }
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false); // no process left behind when one fails to start
            throw;
        }

        return host;
    }

    /// <summary>
    /// What every instance has spent so far, summed (<see cref="BotProcess.CostsAsync"/>).
    /// </summary>
    public Task<BotCosts> CostsAsync(bool quietLogs = true) => BotCosts.SumAsync(Bots, quietLogs);

    /// <summary>
    /// Waits (at most 10 s) until an instance's log has a line containing <paramref name="text"/>: a line the benchmark
    /// knows is coming (a vote's "started" line) is then counted before a reading of the costs, not in the next one.
    /// </summary>
    public async Task WhenLoggedAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Bots.Any(b => b.Log.Any(line => line.Contains(text, StringComparison.Ordinal))) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>A valid channel token for the connector's serviceUrl (Teams reuses its token across requests too).</summary>
    public string Bearer() => TestTokenIssuer.Bearer(Tokens.CreateToken(TestTokenKind.Valid, AppId, Connector.ServiceUrl));

    /// <summary>Posts an activity to /api/messages of an instance picked at random; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity, string bearer)
    {
        var (status, body) = await PostAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()), bearer).ConfigureAwait(false);
        return (status, Encoding.UTF8.GetString(body));
    }

    /// <summary>Posts an activity already serialized; the answer as bytes (the storm's load generator does no JSON or text work while timed).</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(byte[] activity, string bearer)
    {
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", bearer);
        var bot = Bots[Bots.Count == 1 ? 0 : Random.Shared.Next(Bots.Count)];
        using var response = await bot.Client.SendAsync(request).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in Bots)
        {
            await bot.DisposeAsync().ConfigureAwait(false);
        }

        await Metadata.DisposeAsync().ConfigureAwait(false);
        await Connector.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }
}
