using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Connector;

/// <summary>Source-generated log lines of the connector. None carries a token or message text.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "Connector {Operation} ended {Kind}: status {StatusCode}, error code {ErrorCode}, conversation {ConversationId}, {Attempts} attempt(s)")]
    public static partial void CallNotSucceeded(ILogger logger, string operation, ConnectorOutcomeKind kind, int statusCode, string? errorCode, string? conversationId, int attempts);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Connector {Operation} got status {StatusCode} for conversation {ConversationId}; retry {Retry} in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int statusCode, string? conversationId, int retry, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "Connector {Operation} for conversation {ConversationId}: no access token could be acquired")]
    public static partial void TokenUnavailable(ILogger logger, string operation, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Connector access token acquired, expires {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "Connector {Operation} for conversation {ConversationId}: {ErrorCode} after {Attempts} attempt(s); not retried because the request may have been delivered")]
    public static partial void AmbiguousDelivery(ILogger logger, string operation, string? conversationId, string errorCode, int attempts);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug,
        Message = "Connector {Operation} throttled ({StatusCode}) for conversation {ConversationId}; the caller retries")]
    public static partial void AttemptThrottled(ILogger logger, string operation, int statusCode, string? conversationId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "The connector access token could not be acquired at start-up; the first send asks again")]
    public static partial void TokenWarmUpFailed(ILogger logger, Exception exception);
}
