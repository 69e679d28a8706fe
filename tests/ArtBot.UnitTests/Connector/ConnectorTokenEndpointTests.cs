using ArtBot.Tests.Shared;
using System.Net;
using System.Text;
using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.UnitTests.Connector;

/// <summary>
/// The bot identity's token requests go through the outgoing resilience pipeline (<see cref="BotCredentials.HttpClientName"/>),
/// on the app's clock, and Azure.Core's own retry policy adds nothing on top.
/// </summary>
public sealed class ConnectorTokenEndpointTests
{
    private const string Scope = "https://api.botframework.com/.default";

    private static readonly BotFrameworkOptions Bot = new()
    {
        MicrosoftAppType = BotAppType.SingleTenant,
        MicrosoftAppId = "00000000-0000-0000-0000-0000000000a1",
        MicrosoftAppPassword = "secret",
        MicrosoftAppTenantId = "00000000-0000-0000-0000-0000000000b2",
    };

    [Fact]
    public async Task A_failing_token_endpoint_is_tried_once_per_retry_of_the_one_pipeline()
    {
        var time = new TimerCountingTimeProvider();
        var endpoint = new TokenEndpoint();
        for (var i = 0; i < 20; i++)
        {
            endpoint.Answer(HttpStatusCode.ServiceUnavailable);
        }

        await using var services = Services(time, endpoint);
        var asking = Credential(services).GetTokenAsync(new TokenRequestContext([Scope]), CancellationToken.None).AsTask();
        await RunClockAsync(time, asking);

        await Assert.ThrowsAsync<AuthenticationFailedException>(() => asking);
        // The pipeline's 1 + 3 attempts and nothing on top: Azure.Core's retry policy is off (with it, 16).
        Assert.Equal(4, endpoint.TokenRequests);
    }

    [Fact]
    public async Task A_throttled_token_request_waits_for_its_Retry_After_on_the_apps_clock()
    {
        var time = new TimerCountingTimeProvider();
        var endpoint = new TokenEndpoint();
        endpoint.Answer(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(4));
        endpoint.Answer(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"fresh-token"}""");
        await using var services = Services(time, endpoint);

        var asking = Credential(services).GetTokenAsync(new TokenRequestContext([Scope]), CancellationToken.None).AsTask();
        await Task.WhenAny(time.WhenTimersDueInAsync(TimeSpan.FromSeconds(4)), asking).WithinDeadline("the token request waits");
        time.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, endpoint.TokenRequests);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("fresh-token", (await asking.WaitAsync(ConnectorHarness.Deadline)).Token);
        Assert.Equal(2, endpoint.TokenRequests);
    }

    private static ServiceProvider Services(TimeProvider time, TokenEndpoint endpoint)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time)
            .Configure<BotFrameworkOptions>(_ => { })
            .AddBotConnector();
        services.AddHttpClient(BotCredentials.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoint);
        return services.BuildServiceProvider();
    }

    private static TokenCredential Credential(IServiceProvider services) =>
        BotCredentials.Create(Bot, services.GetRequiredService<IHttpClientFactory>().CreateClient(BotCredentials.HttpClientName))!;

    /// <summary>Moves the clock to each retry's delay (seconds, never an attempt's 30 s timeout) until the call ends.</summary>
    private static async Task RunClockAsync(TimerCountingTimeProvider time, Task call)
    {
        while (!call.IsCompleted)
        {
            await Task.WhenAny(call, time.WhenTimerDueWithinAsync(TimeSpan.FromSeconds(10))).WithinDeadline("the token call waits on its backoff or ends");
            if (!call.IsCompleted)
            {
                time.Advance(time.NextTimerDueIn!.Value);
            }
        }
    }

    /// <summary>Entra ID's token endpoint from a script; its instance discovery (which MSAL may ask first, once per process) answers as the service does.</summary>
    private sealed class TokenEndpoint : HttpMessageHandler
    {
        private const string Discovery = """{"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1","metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}""";

        private readonly Queue<(HttpStatusCode Status, string? Json, TimeSpan? RetryAfter)> _script = new();
        private int _tokenRequests;

        public int TokenRequests => Volatile.Read(ref _tokenRequests);

        public void Answer(HttpStatusCode status, string? json = null, TimeSpan? retryAfter = null)
        {
            lock (_script)
            {
                _script.Enqueue((status, json, retryAfter));
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
            {
                return Task.FromResult(Json(HttpStatusCode.OK, Discovery));
            }

            Assert.EndsWith("/oauth2/v2.0/token", request.RequestUri.AbsolutePath, StringComparison.Ordinal);
            Interlocked.Increment(ref _tokenRequests);
            (HttpStatusCode Status, string? Json, TimeSpan? RetryAfter) step;
            lock (_script)
            {
                step = _script.Dequeue();
            }

            var response = Json(step.Status, step.Json ?? """{"error":"temporarily_unavailable"}""");
            if (step.RetryAfter is { } wait)
            {
                response.Headers.RetryAfter = new(wait);
            }

            return Task.FromResult(response);
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
