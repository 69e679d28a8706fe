using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.Tests.Shared;

/// <summary>A <see cref="ConnectorClient"/> over a <see cref="RecordingHandler"/>, a fake clock (TimerCountingTimeProvider) and a fake credential.</summary>
internal sealed class ConnectorHarness
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/tenant-1/";
    public const string Tenant = "tenant-1";
    public const string Conversation = "a:1Xy@thread;v2";

    /// <summary>How long a test waits for something the code under test does on another thread.</summary>
    public static readonly TimeSpan Deadline = Bounded.Deadline;

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

    public ConnectorHarness() => Credential = new FakeCredential(Time);

    public ConnectorRateLimiter? Limiter { get; private set; }

    public ConnectorClient Create()
    {
        var tokens = new ConnectorTokenProvider(Bot, Time, NullLogger<ConnectorTokenProvider>.Instance, Credential);
        Limiter = new ConnectorRateLimiter(Microsoft.Extensions.Options.Options.Create(Options), Time);
        return new ConnectorClient(
            new HttpClient(Handler),
            tokens,
            Limiter,
            Microsoft.Extensions.Options.Options.Create(Options),
            Time,
            NullLogger<ConnectorClient>.Instance)
        {
            Jitter = () => 0.0,
        };
    }
}
