using ArtBot.Tests.Shared;
using ArtBot.BotFramework.Connector;
using Microsoft.Extensions.Logging;
using Moq;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorTokenWarmUpTests
{
    [Fact]
    public async Task The_first_token_is_asked_for_at_start()
    {
        var tokens = new Mock<IConnectorTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token");
        using var warmUp = new ConnectorTokenWarmUp(tokens.Object, new CapturingLogger<ConnectorTokenWarmUp>());

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!;

        tokens.Verify(t => t.GetTokenAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failure_is_logged_and_does_not_stop_the_host()
    {
        var tokens = new Mock<IConnectorTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("identity endpoint unreachable"));
        var log = new CapturingLogger<ConnectorTokenWarmUp>();
        using var warmUp = new ConnectorTokenWarmUp(tokens.Object, log);

        await warmUp.StartAsync(CancellationToken.None);
        await warmUp.ExecuteTask!;

        Assert.True(warmUp.ExecuteTask.IsCompletedSuccessfully);
        var line = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("first send asks again", line.Text, StringComparison.Ordinal);
    }
}
