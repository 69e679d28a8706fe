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
        var delays = new List<TimeSpan>();
        for (var retry = 1; retry <= 3; retry++)
        {
            await WaitForParkedCall();
            var delay = _harness.Time.NextTimerDueIn!.Value;
            delays.Add(delay);
            var before = _harness.Handler.Count;
            _harness.Time.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(before, _harness.Handler.Count);
            _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.WhenAny(_harness.Handler.WhenCountAsync(before + 1), send).WithinDeadline("the retry is sent");
        }

        var outcome = await send.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal((int)status, outcome.StatusCode);
        Assert.Equal(4, outcome.Attempts);
        Assert.Equal(4, _harness.Handler.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3)));
        Assert.True(delays[2] > delays[0], $"the backoff grows: {string.Join(", ", delays)}");
    }

    [Fact]
    public async Task The_backoff_is_capped_at_the_longest_retry_delay()
    {
        var harness = new ConnectorHarness();
        harness.Options.MaxRetryDelay = TimeSpan.FromSeconds(1.5);
        var client = harness.Create();
        for (var i = 0; i < 4; i++)
        {
            harness.Handler.Respond(HttpStatusCode.ServiceUnavailable);
        }

        var send = client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "c1", Activity.CreateMessage("x"));
        var delays = new List<TimeSpan>();
        for (var retry = 1; retry <= 3; retry++)
        {
            await harness.Time.WhenPendingAsync(1).WithinDeadline("the call waits on the clock");
            var before = harness.Handler.Count;
            delays.Add(harness.Time.NextTimerDueIn!.Value);
            harness.Time.Advance(delays[^1]);
            await Task.WhenAny(harness.Handler.WhenCountAsync(before + 1), send).WithinDeadline("the retry is sent");
        }

        await send.WaitAsync(ConnectorHarness.Deadline);

        // The jitter fixed at 0.5 asks for about 0.9 s, 1.1 s and 2.0 s: the last is cut to the cap.
        Assert.Equal(TimeSpan.FromSeconds(1.5), delays[2]);
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(1.5)));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Statuses_that_are_not_transient_are_not_retried(HttpStatusCode status)
    {
        _harness.Handler.Respond(status);

        var outcome = await Send().WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal((int)status, outcome.StatusCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, _harness.Handler.Count);
        Assert.Equal(0, _harness.Time.PendingTimers);
    }

    [Fact]
    public async Task A_retry_is_logged_with_operation_status_conversation_and_delay()
    {
        var logger = new CapturingLogger<ConnectorClient>();
        var harness = new ConnectorHarness { Logger = logger };
        var client = harness.Create();
        harness.Handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));

        var send = client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "conv-9", Activity.CreateMessage("x"));
        await harness.Time.WhenTimersDueInAsync(TimeSpan.FromSeconds(2)).WithinDeadline("the retry waits");
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await send.WaitAsync(ConnectorHarness.Deadline)).IsSuccess);

        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, line.Level);
        Assert.Contains("SendToConversation got status 429 for conversation conv-9; retry 1 in 00:00:02", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_single_attempt_client_sends_a_429_back_at_once_with_its_retry_after()
    {
        var logger = new CapturingLogger<ConnectorClient>();
        var harness = new ConnectorHarness { Logger = logger };
        var client = harness.CreateSingleAttempt();
        harness.Handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));

        var outcome = await client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "conv-7", Activity.CreateMessage("x"))
            .WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), outcome.RetryAfter);
        Assert.Equal(1, harness.Handler.Count);
        Assert.Equal(0, harness.Time.PendingTimers);

        // One debug line (event 1106): the caller paces and retries, so no warning per throttled attempt.
        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, line.Level);
        Assert.Contains("throttled (429) for conversation conv-7; the caller retries", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_single_attempt_client_does_not_retry_a_server_error_either()
    {
        var harness = new ConnectorHarness();
        var client = harness.CreateSingleAttempt();
        harness.Handler.Respond(HttpStatusCode.ServiceUnavailable);

        var outcome = await client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "c1", Activity.CreateMessage("x"))
            .WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(503, outcome.StatusCode);
        Assert.Equal(1, harness.Handler.Count);
    }

    [Fact]
    public async Task The_retrying_and_the_single_attempt_client_share_the_rate_limits()
    {
        var retrying = _harness.Create();
        var single = _harness.CreateSingleAttempt();
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await (i % 2 == 0 ? retrying : single).SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "c1", Activity.CreateMessage("x"))).IsSuccess);
        }

        var eighth = single.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "c1", Activity.CreateMessage("x"));
        await WaitForParkedCall();
        Assert.Equal(7, _harness.Handler.Count);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await eighth.WaitAsync(ConnectorHarness.Deadline)).IsSuccess);
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

    private Task<ConnectorOutcome> Send() =>
        _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, ConnectorHarness.Conversation, Activity.CreateMessage("x"));

    private Task WaitForParkedCall() =>
        _harness.Time.WhenPendingAsync(1).WithinDeadline("the call waits on the clock");
}
