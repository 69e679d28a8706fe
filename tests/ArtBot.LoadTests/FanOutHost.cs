using System.Text;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Connector;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArtBot.LoadTests;

/// <summary>
/// One bot instance for the fan-out scenario: the real host (JWT check, storage in Azurite, the sync scheduler enabled)
/// with the limit-enforcing connector as every conversation's serviceUrl. Several can run on one storage, one after
/// the other (restart) or side by side.
/// </summary>
public sealed class FanOutHost : IAsyncDisposable
{
    public const string AppId = StormHost.AppId;

    private readonly WebApplicationFactory<Program> _factory;

    private FanOutHost(WebApplicationFactory<Program> factory, HttpClient client)
    {
        _factory = factory;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<FanOutHost> StartAsync(string storage, OpenIdMetadataServer metadata, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["ToBotFromChannelOpenIdMetadataUrl"] = metadata.MetadataUrl,
            ["Storage:ConnectionString"] = storage,
            ["Sync:TickInterval"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:ArtBot.Features.Sync"] = "Warning",
            ["Logging:LogLevel:ArtBot.BotFramework.Connector"] = "Error",
            // The readiness poll below expects "tables not created yet" at first; the health service logs that as an error.
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

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
                services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider("fanout-outbound-token"));
            });
        });
        var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new FanOutHost(factory, client);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot did not become ready.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Posts <c>@ArtBot {text}</c> in a channel as <paramref name="userAad"/> with a valid channel token.</summary>
    public async Task<int> CommandAsync(TestTokenIssuer tokens, string serviceUrl, string conversationId, string text, string userAad)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, serviceUrl, conversationId);
        activity["text"] = "<at>ArtBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = "29:" + userAad, ["name"] = "Rita RTE", ["aadObjectId"] = userAad };
        activity["conversation"]!["tenantId"] = FanOutScenario.TenantId;
        activity["channelData"]!["tenant"]!["id"] = FanOutScenario.TenantId;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", TestTokenIssuer.Bearer(tokens.CreateToken(TestTokenKind.Valid, AppId, serviceUrl)));
        using var response = await Client.SendAsync(request).ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}
