using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Connector;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArtBot.LoadTests;

/// <summary>
/// The bot in-process on a real Kestrel listener (loopback), as production runs it: channel JWTs validated against a
/// local OpenID metadata server, storage in Azurite (in memory) behind the counting proxy, the connector a local
/// server that answers at once. Only the outbound token is faked (there is no Entra ID here).
/// </summary>
public sealed class StormHost : IAsyncDisposable
{
    public const string AppId = "7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private WebApplicationFactory<Program>? _factory;

    private StormHost(TestTokenIssuer tokens, AzuriteInstance azurite, CountingProxy storage, OpenIdMetadataServer metadata, FastConnector connector)
    {
        Tokens = tokens;
        Azurite = azurite;
        Storage = storage;
        Metadata = metadata;
        Connector = connector;
    }

    public AzuriteInstance Azurite { get; }

    public CountingProxy Storage { get; }

    public OpenIdMetadataServer Metadata { get; }

    public FastConnector Connector { get; }

    public TestTokenIssuer Tokens { get; }

    public HttpClient Client { get; private set; } = null!;

    public static async Task<StormHost> StartAsync()
    {
        var azurite = await Tests.Shared.Azurite.StartAsync().ConfigureAwait(false);
        var storage = await CountingProxy.StartAsync(azurite.Port).ConfigureAwait(false);
        var connector = await FastConnector.StartAsync().ConfigureAwait(false);
        var tokens = new TestTokenIssuer();
        var metadata = await OpenIdMetadataServer.StartAsync(tokens).ConfigureAwait(false);
        var host = new StormHost(tokens, azurite, storage, metadata, connector);
        await host.StartBotAsync().ConfigureAwait(false);
        return host;
    }

    private async Task StartBotAsync()
    {
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Metadata.MetadataUrl,
            ["Storage:ConnectionString"] = Storage.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(AppContext.BaseDirectory);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IConnectorTokenProvider>();
                services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider("storm-outbound-token"));
            });
        });
        factory.UseKestrel(port);
        factory.StartServer();
        _factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false })
        {
            BaseAddress = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)),
            Timeout = TimeSpan.FromSeconds(60),
        };

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative)).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot did not become ready: " + await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>A valid channel token for the connector's serviceUrl (Teams reuses its token across requests too).</summary>
    public string Bearer() => TestTokenIssuer.Bearer(Tokens.CreateToken(TestTokenKind.Valid, AppId, Connector.ServiceUrl));

    /// <summary>Posts an activity to /api/messages; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", bearer);
        using var response = await Client.SendAsync(request).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync().ConfigureAwait(false);
        }

        await Metadata.DisposeAsync().ConfigureAwait(false);
        await Connector.DisposeAsync().ConfigureAwait(false);
        await Storage.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}
