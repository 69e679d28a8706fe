using ArtBot.BotFramework.Connector;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArtBot.LoadTests;

/// <summary>
/// The fan-out scenario's observer: the bot's host in-process on the same storage (its scheduler off), through whose
/// stores the scenario seeds each ART and reads the delivery rows. The bot that posts runs as a process of its own.
/// </summary>
public sealed class FanOutHost : IAsyncDisposable
{
    public const string AppId = StormHost.AppId;

    private readonly WebApplicationFactory<Program> _factory;

    private readonly HttpClient _client;

    private FanOutHost(WebApplicationFactory<Program> factory, HttpClient client)
    {
        _factory = factory;
        _client = client;
    }

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

        settings["Sync:SchedulerEnabled"] = "false"; // an observer: the bot process posts

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

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}
