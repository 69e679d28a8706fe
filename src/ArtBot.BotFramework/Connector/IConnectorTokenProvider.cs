namespace ArtBot.BotFramework.Connector;

/// <summary>Bearer tokens for calls to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A valid access token, or null in local-development mode (no app id: no Authorization header).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
