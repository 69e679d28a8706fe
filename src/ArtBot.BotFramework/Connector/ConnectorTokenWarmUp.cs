using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// Asks for the connector token once at start-up, in the background, so the first reply or scheduled send after a
/// deployment or a restart does not also wait for the credential's first token (and its library's first-call set-up).
/// Nothing is asked in local-development mode. A failure is logged and left to the first send, which asks again.
/// </summary>
public sealed class ConnectorTokenWarmUp(IConnectorTokenProvider tokens, ILogger<ConnectorTokenWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the host's start-up path: the credential is built on this call
        try
        {
            await tokens.GetTokenAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the token came: the first send asks again.
        }
        catch (Exception exception)
        {
            ConnectorLog.TokenWarmUpFailed(logger, exception);
        }
    }
}
