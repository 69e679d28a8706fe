namespace ArtBot.Domain.Sync;

/// <summary>What the scheduler posts for an occurrence: one delivery per target conversation and kind.</summary>
public enum DeliveryKind
{
    Prompt,
    Reminder,
    Summary,
}

public enum DeliveryState
{
    /// <summary>An instance holds it until <see cref="SyncDelivery.LeaseUntil"/>; after that another may take it over.</summary>
    Claimed,

    /// <summary>Posted; <see cref="SyncDelivery.ActivityId"/> is the message.</summary>
    Sent,

    /// <summary>The send failed (throttled, network); retried after <see cref="SyncDelivery.LeaseUntil"/>.</summary>
    Failed,

    /// <summary>The bot is no longer in the conversation (403/404): not retried.</summary>
    Unreachable,

    /// <summary>Failed too often: not retried.</summary>
    GaveUp,
}

/// <summary>The stored state of one delivery (a claim row).</summary>
public sealed record SyncDelivery
{
    public required OccurrenceKey Occurrence { get; init; }
    public required DeliveryKind Kind { get; init; }
    /// <summary>The conversation posted to (a team channel, or the summary channel).</summary>
    public required string ConversationId { get; init; }
    public required DeliveryState State { get; init; }
    public string? Owner { get; init; }
    public DateTimeOffset LeaseUntil { get; init; }
    public string? ActivityId { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The row's ETag: what a claim holds.</summary>
    public string? Version { get; init; }

    public bool IsFinal => State is DeliveryState.Sent or DeliveryState.Unreachable or DeliveryState.GaveUp;

    /// <summary>Whether an instance may claim this delivery at <paramref name="now"/>.</summary>
    public bool IsClaimableAt(DateTimeOffset now, int maxAttempts) =>
        !IsFinal && LeaseUntil <= now && (State != DeliveryState.Failed || Attempts < maxAttempts);
}
