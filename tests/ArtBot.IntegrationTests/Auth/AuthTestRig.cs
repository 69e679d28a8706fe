using ArtBot.BotFramework;
using ArtBot.BotFramework.Auth;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Auth;

/// <summary>A token issuer, a live metadata server on loopback, a controllable clock and a validator factory.</summary>
internal sealed class AuthTestRig : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/";
    public const string ChannelId = TestTokenIssuer.ChannelId;

    private AuthTestRig(OpenIdMetadataServer server, TestTokenIssuer issuer, FakeTimeProvider time)
    {
        Server = server;
        Issuer = issuer;
        Time = time;
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public OpenIdMetadataServer Server { get; }

    public TestTokenIssuer Issuer { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; } = new();

    public CapturingLogger<BotTokenValidator> Logger { get; } = new();

    public static async Task<AuthTestRig> StartAsync()
    {
        var time = new FakeTimeProvider(Start);
        var issuer = new TestTokenIssuer(time);
        var server = await OpenIdMetadataServer.StartAsync(issuer);
        return new AuthTestRig(server, issuer, time);
    }

    public BotTokenValidator CreateValidator(string? appId = AppId, string? metadataUrl = null)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = appId,
            ToBotFromChannelOpenIdMetadataUrl = metadataUrl ?? Server.MetadataUrl,
        };
        return new BotTokenValidator(Options.Create(options), new SingleClientFactory(Http), Time, Logger);
    }

    public static Task<BotAuthenticationResult> AuthenticateAsync(BotTokenValidator validator, string token, string? channelId = ChannelId, string? serviceUrl = ServiceUrl) =>
        validator.AuthenticateAsync(TestTokenIssuer.Bearer(token), channelId, serviceUrl, CancellationToken.None);

    public string Token(TestTokenKind kind = TestTokenKind.Valid) => Issuer.CreateToken(kind, AppId, ServiceUrl);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
