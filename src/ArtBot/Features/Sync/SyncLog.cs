namespace ArtBot.Features.Sync;

/// <summary>The sync feature's log messages (no message text, no tokens).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {ArtId} {OccurrenceId}: {Kind} fan-out posted {Sent}, unreachable {Unreachable}, failed {Failed}, held elsewhere or done {Skipped}")]
    public static partial void FanOutDone(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, int sent, int unreachable, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {ArtId} {OccurrenceId}: {Kind} to {ConversationId} not sent: {Outcome} ({Status})")]
    public static partial void SendFailed(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId, BotFramework.Connector.ConnectorOutcomeKind outcome, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {ArtId}: the bot was removed from {ConversationId}; the team is marked unreachable and skipped")]
    public static partial void TeamUnreachable(ILogger logger, string artId, string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync {ArtId} {OccurrenceId}: {Kind} to {ConversationId} was sent but its claim had been taken over; a second post is possible (raise Sync:ClaimLease)")]
    public static partial void ClaimLost(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {ArtId} {OccurrenceId}: the {Kind} to {ConversationId} was interrupted mid-send at {SendingAt:O} (its instance died); sent again, so the channel may get it twice")]
    public static partial void InterruptedSendRepeated(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId, DateTimeOffset sendingAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {ArtId} {OccurrenceId}: the {Kind} to {ConversationId} was interrupted mid-send at {SendingAt:O} (its instance died); recorded as sent and not repeated, so the channel may lack it")]
    public static partial void InterruptedSendNotRepeated(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId, DateTimeOffset sendingAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {ArtId} {OccurrenceId}: the {Kind} to {ConversationId} interrupted mid-send at {SendingAt:O} is in the channel (message {MessageId}); recorded as sent, not repeated")]
    public static partial void InterruptedSendFound(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId, DateTimeOffset sendingAt, string? messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {ArtId} {OccurrenceId}: the {Kind} to {ConversationId} interrupted mid-send at {SendingAt:O} is not in the channel; sent")]
    public static partial void InterruptedSendNotFound(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId, DateTimeOffset sendingAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {ArtId} {OccurrenceId}: {Kind} to {ConversationId} not sent: its claim was taken over before the send (raise Sync:ClaimLease)")]
    public static partial void ClaimLostBeforeSend(ILogger logger, string artId, string occurrenceId, Domain.Sync.DeliveryKind kind, string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync scheduler tick failed for ART {ArtId}")]
    public static partial void TickFailed(ILogger logger, Exception exception, string artId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync scheduler tick failed")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync scheduler started (instance {InstanceId}, tick {Tick})")]
    public static partial void SchedulerStarted(ILogger logger, string instanceId, TimeSpan tick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {ArtId} {OccurrenceId}: the summary card was not {Operation}: {Outcome} ({Status})")]
    public static partial void SummaryFailed(ILogger logger, string artId, string occurrenceId, string operation, BotFramework.Connector.ConnectorOutcomeKind outcome, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync card action refused: {Code}")]
    public static partial void ActionRefused(ILogger logger, string code);
}
