using ArtBot.Tests.Shared;
using Azure.Identity;
using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorTokenTests
{
    private readonly ConnectorHarness _harness = new();

    [Fact]
    public async Task Every_request_carries_the_bearer_token_from_one_credential_call()
    {
        var client = _harness.Create();

        for (var i = 0; i < 5; i++)
        {
            await client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, $"c{i}", Activity.CreateMessage("x"));
        }

        Assert.All(_harness.Handler.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.Equal(1, _harness.Credential.Calls);
        Assert.Equal(["https://api.botframework.com/.default"], _harness.Credential.LastScopes);
    }

    [Fact]
    public async Task The_token_is_refreshed_five_minutes_before_expiry()
    {
        var provider = new ConnectorTokenProvider(_harness.Bot, _harness.Time, NullLogger<ConnectorTokenProvider>.Instance, _harness.Credential);

        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        _harness.Time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(default));
        Assert.Equal("token-2", await provider.GetTokenAsync(default));
        Assert.Equal(2, _harness.Credential.Calls);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        var provider = new ConnectorTokenProvider(_harness.Bot, _harness.Time, NullLogger<ConnectorTokenProvider>.Instance, _harness.Credential);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => provider.GetTokenAsync(default).AsTask())));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _harness.Credential.Calls);
    }

    [Fact]
    public async Task Local_development_sends_no_authorization_header_and_asks_no_credential()
    {
        _harness.Bot.MicrosoftAppId = null;
        var client = _harness.Create();

        var outcome = await client.SendToConversationAsync("http://localhost:56150/_connector", null, "c1", Activity.CreateMessage("x"));

        Assert.True(outcome.IsSuccess);
        Assert.Null(_harness.Handler.Last.Authorization);
        Assert.Equal(0, _harness.Credential.Calls);
    }

    [Fact]
    public async Task A_credential_failure_is_a_failed_outcome_without_a_request()
    {
        _harness.Credential.Failure = new AuthenticationFailedException("AADSTS700016: application not found");
        var client = _harness.Create();

        var outcome = await client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, "c1", Activity.CreateMessage("x"));

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("TokenUnavailable", outcome.ErrorCode);
        Assert.Equal(0, outcome.Attempts);
        Assert.Equal(0, _harness.Handler.Count);
    }

    [Fact]
    public void Missing_settings_fail_at_construction_not_at_first_send()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = "app", MicrosoftAppPassword = "pw" };

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ConnectorTokenProvider(options, _harness.Time, NullLogger<ConnectorTokenProvider>.Instance));
        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
    }
}
