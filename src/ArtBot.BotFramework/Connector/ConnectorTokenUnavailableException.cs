namespace ArtBot.BotFramework.Connector;

/// <summary>The attempt's access token could not be acquired: nothing was sent (the client answers Failed, TokenUnavailable).</summary>
internal sealed class ConnectorTokenUnavailableException(Exception inner) : Exception("No access token for the connector could be acquired.", inner);
