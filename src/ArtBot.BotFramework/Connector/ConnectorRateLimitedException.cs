namespace ArtBot.BotFramework.Connector;

/// <summary>No client-side rate-limit slot came free within the queue time: nothing was sent (the client answers Throttled).</summary>
internal sealed class ConnectorRateLimitedException() : Exception("No client-side rate-limit slot came free within the queue time.");
