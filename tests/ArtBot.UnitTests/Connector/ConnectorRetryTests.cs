using ArtBot.Tests.Shared;
using System.Net;
using System.Net.Http.Headers;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorRetryTests
{
    private readonly ConnectorHarness _harness = new();
    private readonly ConnectorClient _client;

    public ConnectorRetryTests() => _client = _harness.Create();

    [Fact]
    public async Task Throttled_429_waits_for_retry_after_seconds_before_retrying()
    {
        _harness.Handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)));

        var send = Send();
        await WaitForParkedCall();
        Assert.Equal(1, _harness.Handler.Count);

        _harness.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(send.IsCompleted);
        Assert.Equal(1, _harness.Handler.Count);

        _harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        var outcome = await send.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, _harness.Handler.Count);
    }

    [Fact]
    public async Task Throttled_429_honours_retry_after_as_an_HTTP_date()
    {
        var at = _harness.Time.GetUtcNow().AddSeconds(3);
        _harness.Handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(at));

        var send = Send();
        await WaitForParkedCall();
        _harness.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal(1, _harness.Handler.Count);

        _harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        var outcome = await send.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(2, _harness.Handler.Count);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_throttled_at_once_with_the_asked_delay()
    {
        _harness.Options.MaxRetryAfter = TimeSpan.FromSeconds(60);
        _harness.Handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));

        var outcome = await Send().WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(429, outcome.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), outcome.RetryAfter);
        Assert.Equal(1, _harness.Handler.Count);
    }

    [Fact]
    public async Task Repeated_429_gives_up_throttled_after_the_bounded_retries()
    {
        for (var i = 0; i < 10; i++)
        {
            _harness.Handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        }

        var send = Send();
        for (var retry = 1; retry <= 3; retry++)
        {
            await WaitForParkedCall();
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var outcome = await send.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(4, outcome.Attempts);
        Assert.Equal(4, _harness.Handler.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_back_off_exponentially_then_fail(HttpStatusCode status)
    {
        for (var i = 0; i < 4; i++)
        {
            _harness.Handler.Respond(status);
        }

        var send = Send();

        // Jitter 0: delays are half of 1 s, 2 s, 4 s.
        foreach (var delay in new[] { 0.5, 1.0, 2.0 })
        {
            await WaitForParkedCall();
            var before = _harness.Handler.Count;
            _harness.Time.Advance(TimeSpan.FromSeconds(delay) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(before, _harness.Handler.Count);
            _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.WhenAny(_harness.Handler.WhenCountAsync(before + 1), send).WithinDeadline("the retry is sent");
        }

        var outcome = await send.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal((int)status, outcome.StatusCode);
        Assert.Equal(4, outcome.Attempts);
        Assert.Equal(4, _harness.Handler.Count);
    }

    [Fact]
    public async Task A_transient_error_then_success_is_sent()
    {
        _harness.Handler.Respond(HttpStatusCode.BadGateway);
        _harness.Handler.Respond(HttpStatusCode.OK, """{"id":"m-2"}""");

        var send = Send();
        await WaitForParkedCall();
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await send.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("m-2", outcome.Id);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Retries_resend_the_same_body()
    {
        _harness.Handler.Respond(HttpStatusCode.ServiceUnavailable);

        var send = Send();
        await WaitForParkedCall();
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await send.WaitAsync(ConnectorHarness.Deadline);

        var requests = _harness.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Authorization, requests[1].Authorization);
    }

    [Fact]
    public void Backoff_grows_exponentially_is_capped_and_jittered_within_half_to_full_step()
    {
        _harness.Options.BaseRetryDelay = TimeSpan.FromSeconds(1);
        _harness.Options.MaxRetryDelay = TimeSpan.FromSeconds(5);

        _client.Jitter = () => 0.0;
        Assert.Equal(TimeSpan.FromSeconds(0.5), _client.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(1), _client.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(2.5), _client.Backoff(10));

        _client.Jitter = () => 0.999;
        Assert.InRange(_client.Backoff(3), TimeSpan.FromSeconds(3.99), TimeSpan.FromSeconds(4));
    }

    private Task<ConnectorOutcome> Send() =>
        _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, ConnectorHarness.Conversation, Activity.CreateMessage("x"));

    private Task WaitForParkedCall() =>
        _harness.Time.WhenPendingAsync(1).WithinDeadline("the call waits on the clock");
}
