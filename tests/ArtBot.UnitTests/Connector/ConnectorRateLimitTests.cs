using ArtBot.Tests.Shared;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorRateLimitTests
{
    private readonly ConnectorHarness _harness = new();
    private readonly ConnectorClient _client;

    public ConnectorRateLimitTests() => _client = _harness.Create();

    [Fact]
    public async Task The_eighth_send_within_a_second_waits_until_the_second_has_passed()
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await Send("c1")).IsSuccess);
        }

        var eighth = Send("c1");
        await WaitForParkedCall();
        Assert.Equal(7, _harness.Handler.Count);

        _harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        Assert.Equal(7, _harness.Handler.Count);

        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await eighth.WaitAsync(ConnectorHarness.Deadline)).IsSuccess);
        Assert.Equal(8, _harness.Handler.Count);
    }

    [Fact]
    public async Task Another_conversation_is_not_held_up_by_a_full_one()
    {
        for (var i = 0; i < 7; i++)
        {
            await Send("c1");
        }

        var other = await Send("c2").WaitAsync(ConnectorHarness.Deadline);

        Assert.True(other.IsSuccess);
        Assert.Equal(8, _harness.Handler.Count);
    }

    [Fact]
    public async Task Reads_count_against_the_conversation_limit()
    {
        for (var i = 0; i < 7; i++)
        {
            _harness.Handler.Respond(System.Net.HttpStatusCode.OK, "[]");
            await _client.GetConversationMembersAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "c1");
        }

        var send = Send("c1");
        await WaitForParkedCall();
        Assert.Equal(7, _harness.Handler.Count);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await send.WaitAsync(ConnectorHarness.Deadline)).IsSuccess);
    }

    [Fact]
    public async Task At_most_sixty_sends_per_thirty_seconds_per_conversation()
    {
        // 7 per second for 9 seconds would be 63: the 61st must wait for the 30 s window.
        var sent = 0;
        var second = 0;
        while (sent < 60)
        {
            for (var i = 0; i < 7 && sent < 60; i++, sent++)
            {
                Assert.True((await Send("c1").WaitAsync(ConnectorHarness.Deadline)).IsSuccess);
            }

            _harness.Time.Advance(TimeSpan.FromSeconds(1));
            second++;
        }

        // 60 sends went out in seconds 0..8; the first of them leaves the 30 s window at t = 30 s.
        var sixtyFirst = Send("c1");
        await WaitForParkedCall();
        _harness.Time.Advance(TimeSpan.FromSeconds(30 - second) - TimeSpan.FromMilliseconds(1));
        Assert.False(sixtyFirst.IsCompleted);
        Assert.Equal(60, _harness.Handler.Count);

        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await sixtyFirst.WaitAsync(ConnectorHarness.Deadline)).IsSuccess);
        Assert.Equal(61, _harness.Handler.Count);
    }

    [Fact]
    public async Task At_most_fifty_requests_per_second_per_tenant_across_conversations()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await Send($"conv-{i}")).IsSuccess);
        }

        var fiftyFirst = Send("conv-new");
        await WaitForParkedCall();
        Assert.Equal(50, _harness.Handler.Count);

        var otherTenant = await _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "tenant-2", "conv-x", Activity.CreateMessage("x"))
            .WaitAsync(ConnectorHarness.Deadline);
        Assert.True(otherTenant.IsSuccess);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await fiftyFirst.WaitAsync(ConnectorHarness.Deadline)).IsSuccess);
    }

    [Fact]
    public async Task A_wait_longer_than_the_queue_time_is_throttled_without_a_request()
    {
        _harness.Options.MaxQueueWait = TimeSpan.FromMilliseconds(500);
        for (var i = 0; i < 7; i++)
        {
            await Send("c1");
        }

        var outcome = await Send("c1").WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(ConnectorOutcomeKind.Throttled, outcome.Kind);
        Assert.Equal("ClientRateLimited", outcome.ErrorCode);
        Assert.Equal(0, outcome.StatusCode);
        Assert.Equal(0, outcome.Attempts);
        Assert.Equal(7, _harness.Handler.Count);
    }

    [Fact]
    public async Task Idle_conversations_are_evicted()
    {
        for (var i = 0; i < 20; i++)
        {
            await Send($"conv-{i}");
        }

        Assert.Equal(20, _harness.Limiter!.TrackedConversations);

        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Send("conv-late");

        Assert.Equal(1, _harness.Limiter.TrackedConversations);
        Assert.Equal(1, _harness.Limiter.TrackedTenants);
    }

    private Task<ConnectorOutcome> Send(string conversationId) =>
        _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, conversationId, Activity.CreateMessage("x"));

    private Task WaitForParkedCall() =>
        _harness.Time.WhenPendingAsync(1).WithinDeadline("the call waits on the clock");
}
