using ArtBot.Tests.Shared;
using System.Net;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorLoggingTests
{
    [Fact]
    public async Task A_failed_send_logs_one_warning_with_status_conversation_and_attempts_but_no_token_or_text()
    {
        var harness = new ConnectorHarness();
        var logger = new CapturingLogger<ConnectorClient>();
        harness.Logger = logger;
        var client = harness.Create();
        harness.Handler.Respond(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"x"}}""");
        harness.Handler.Respond(HttpStatusCode.OK, """{"id":"ok"}""");

        await client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "t", "conv-42", Activity.CreateMessage("top secret vote"));
        await client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "t", "conv-42", Activity.CreateMessage("top secret vote"));

        var warning = Assert.Single(logger.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains("403", warning.Text, StringComparison.Ordinal);
        Assert.Contains("conv-42", warning.Text, StringComparison.Ordinal);
        Assert.Contains("BotRemoved", warning.Text, StringComparison.Ordinal);
        Assert.Contains("1 attempt", warning.Text, StringComparison.Ordinal);
        Assert.All(logger.Lines, l =>
        {
            Assert.DoesNotContain("token-1", l.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("top secret", l.Text, StringComparison.Ordinal);
        });
    }
}
