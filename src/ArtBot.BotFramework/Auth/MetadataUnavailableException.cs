namespace ArtBot.BotFramework.Auth;

/// <summary>The metadata or key document could not be fetched or understood. The message is safe to log.</summary>
internal sealed class MetadataUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
