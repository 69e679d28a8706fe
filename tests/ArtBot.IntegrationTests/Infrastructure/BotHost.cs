using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Connector;
using ArtBot.Hosting;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArtBot.IntegrationTests.Infrastructure;

/// <summary>
/// The bot as it runs in production, in-process: real Azurite storage, real channel JWTs signed by a test key
/// that a local OpenID metadata endpoint serves, and a recording connector as the conversations' serviceUrl.
/// Shared by the tests of a collection; tests keep apart by using fresh conversation ids.
/// </summary>
public sealed class BotHost : IAsyncLifetime
{
    public const string AppId = "7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string OutboundToken = "test-outbound-token";

    private AzuriteInstance? _azurite;
    private WebApplicationFactory<Program>? _factory;

    public TestTokenIssuer Tokens { get; } = new();
    public OpenIdMetadataServer Metadata { get; private set; } = null!;
    public RecordingConnector Connector { get; private set; } = null!;
    public string StorageConnectionString => _azurite!.ConnectionString;
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.SharedAsync();
        Metadata = await OpenIdMetadataServer.StartAsync(Tokens);
        Connector = await RecordingConnector.StartAsync();
        _factory = CreateFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Metadata.MetadataUrl,
            ["Storage:ConnectionString"] = StorageConnectionString,
        });
        Client = _factory.CreateClient();
        await WaitUntilReadyAsync(_factory);
    }

    /// <summary>A factory for the bot with these settings (outbound tokens are faked; everything else is real).</summary>
    public static WebApplicationFactory<Program> CreateFactory(IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IConnectorTokenProvider>();
                services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider(settings.GetValueOrDefault("MicrosoftAppId") is { Length: > 0 } ? OutboundToken : null));
            });
        });

    /// <summary>
    /// Another instance of the bot as production runs it (channel tokens checked against this host's metadata), on this
    /// host's storage or <paramref name="storage"/>, with <paramref name="settings"/> on top.
    /// </summary>
    public WebApplicationFactory<Program> AnotherInstance(IReadOnlyDictionary<string, string?>? settings = null, string? storage = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Metadata.MetadataUrl,
            ["Storage:ConnectionString"] = storage ?? StorageConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return CreateFactory(all);
    }

    /// <summary>Waits until the bot has created its tables (its start-up says so), failing after 30 s.</summary>
    public static Task WaitUntilReadyAsync(WebApplicationFactory<Program> host) =>
        host.Services.GetRequiredService<StorageInitializer>().WhenReadyAsync(CancellationToken.None)
            .WithinDeadline("the bot created its tables", TimeSpan.FromSeconds(30));

    /// <summary>Posts an activity with a valid channel token for its serviceUrl (or the token kind asked for).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, TestTokenKind token = TestTokenKind.Valid)
    {
        var serviceUrl = activity["serviceUrl"]?.GetValue<string>() ?? Connector.ServiceUrl;
        return PostRawAsync(activity.ToJsonString(), TestTokenIssuer.Bearer(Tokens.CreateToken(token, AppId, serviceUrl)));
    }

    /// <summary>Posts any body with any Authorization header (null: none).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    /// <summary>A real Teams payload addressed to the recording connector, with fresh ids.</summary>
    public JsonObject Payload(string name, string? conversationId = null) =>
        TeamsPayloads.Load(name, Connector.ServiceUrl, conversationId);

    /// <summary>A table of the bot's storage, to check what it stored.</summary>
    public TableClient Table(string name) => new TableServiceClient(StorageConnectionString).GetTableClient(name);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }

        if (Metadata is not null)
        {
            await Metadata.DisposeAsync();
        }
    }

    private sealed class FixedTokenProvider(string? token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }
}

/// <summary>The collection that shares one <see cref="BotHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BotTests : ICollectionFixture<BotHost>
{
    public const string Name = "bot";
}
