namespace ArtBot.BotFramework.Connector;

/// <summary>How a connector call ended. The set is closed: callers switch over it.</summary>
public enum ConnectorOutcomeKind
{
    /// <summary>The connector accepted the call (any 2xx). For reads: the value is present.</summary>
    Sent,

    /// <summary>Rate limited: 429 still after the bounded retries, Retry-After beyond the cap, or the client-side limiter queue was full.</summary>
    Throttled,

    /// <summary>403 or 404: the bot is no longer in the conversation (uninstalled, blocked, conversation gone).</summary>
    BotRemoved,

    /// <summary>Any other failure: a non-retryable status, retries exhausted, a network error or timeout, no token.</summary>
    Failed,
}
