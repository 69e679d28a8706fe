using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.Tests.Shared;

/// <summary>
/// A <see cref="ConnectorClient"/> as <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/> registers it (its
/// resilience pipeline, rate limits and token per attempt) over a <see cref="RecordingHandler"/>, a fake clock
/// (TimerCountingTimeProvider) and a fake credential. The backoff's jitter is fixed, so its delays are known.
/// </summary>
internal sealed class ConnectorHarness
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/tenant-1/";
    public const string Tenant = "tenant-1";
    public const string Conversation = "a:1Xy@thread;v2";

    /// <summary>How long a test waits for something the code under test does on another thread.</summary>
    public static readonly TimeSpan Deadline = Bounded.Deadline;

    private ServiceProvider? _services;

    public TimerCountingTimeProvider Time { get; } = new();
    public RecordingHandler Handler { get; } = new();
    public ConnectorOptions Options { get; } = new();
    public BotFrameworkOptions Bot { get; } = new()
    {
        MicrosoftAppType = BotAppType.SingleTenant,
        MicrosoftAppId = "app-id",
        MicrosoftAppPassword = "secret",
        MicrosoftAppTenantId = Tenant,
    };

    public FakeCredential Credential { get; }

    /// <summary>The client's logger; set before the first <see cref="Create"/>.</summary>
    public ILogger<ConnectorClient> Logger { get; set; } = NullLogger<ConnectorClient>.Instance;

    public ConnectorHarness()
    {
        Credential = new FakeCredential(Time);
        Options.Jitter = () => 0.5; // Polly's decorrelated jitter at 0.5: about 0.9 s, 1.1 s, 2.0 s
    }

    public ConnectorRateLimiter? Limiter => _services?.GetRequiredService<ConnectorRateLimiter>();

    /// <summary>The retrying client (the services are built on the first call, with the settings as they are then).</summary>
    public ConnectorClient Create() => Services.GetRequiredService<ConnectorClient>();

    /// <summary>The <see cref="ConnectorClient.SingleAttempt"/> client of the same services.</summary>
    public ConnectorClient CreateSingleAttempt() => Services.GetRequiredKeyedService<ConnectorClient>(ConnectorClient.SingleAttempt);

    private ServiceProvider Services => _services ??= Build();

    private ServiceProvider Build()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(Options))
            .AddSingleton(Logger)
            .AddSingleton<IConnectorTokenProvider>(new ConnectorTokenProvider(Bot, Time, NullLogger<ConnectorTokenProvider>.Instance, Credential))
            .AddBotConnector();
        services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => Handler);
        return services.BuildServiceProvider();
    }
}
