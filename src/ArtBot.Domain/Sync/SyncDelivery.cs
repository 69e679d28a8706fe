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
    /// <summary>
    /// An instance holds it until <see cref="SyncDelivery.LeaseUntil"/>; after that another may take it over, and a
    /// restarted process of the same instance at once (<see cref="SyncDelivery.IsAbandonedBy"/>).
    /// </summary>
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
    /// <summary>The instance holding (or last holding) the claim: <see cref="ClaimOwner.Instance"/>.</summary>
    public string? Owner { get; init; }
    /// <summary>The process run of <see cref="Owner"/> that took the claim: <see cref="ClaimOwner.Run"/>.</summary>
    public string? OwnerRun { get; init; }
    /// <summary>
    /// Set right before the claim's send went out to the connector, cleared when its outcome is recorded: a claim
    /// taken over with this set was interrupted mid-send (it may or may not have reached Teams).
    /// </summary>
    public DateTimeOffset? SendingAt { get; init; }
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

    /// <summary>
    /// Whether <paramref name="owner"/> may take this claim over before its lease ends: it is held under the same instance
    /// id by an earlier run of that instance. An instance id names one process at a time (see <see cref="ClaimOwner"/>),
    /// so that run is gone (killed, crashed) and nothing of it is still in flight.
    /// </summary>
    public bool IsAbandonedBy(ClaimOwner owner) =>
        State == DeliveryState.Claimed && string.Equals(Owner, owner.Instance, StringComparison.Ordinal)
        && OwnerRun is not null && !string.Equals(OwnerRun, owner.Run, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="owner"/> may claim this delivery now: its lease ran out, or it is an abandoned claim of its own.</summary>
    public bool IsClaimableBy(ClaimOwner owner, DateTimeOffset now, int maxAttempts) =>
        IsClaimableAt(now, maxAttempts) || IsAbandonedBy(owner);

    /// <summary>
    /// What a new holder does with a claim whose send was interrupted (<see cref="SendingAt"/> set, no outcome recorded)
    /// when it cannot tell whether the post reached Teams before the process died (the connector offers no idempotency
    /// key or lookup; the bot searches the channel with Microsoft Graph when it can). True: send again (a duplicate is possible, a loss is not). False: record it as sent without an
    /// id (a loss is possible, a duplicate is not).
    /// <para>
    /// Prompts and the summary are sent again: a lost prompt silently drops a team from the sync (no card to answer,
    /// no reminder, counted as not answered) and a lost summary leaves the RTE without one, while a second card is
    /// visible, harmless (both write the same answer row) and logged with the channel. Reminders are not: a second
    /// nag in the thread is the worse outcome for an optional reply, and the prompt card is already there.
    /// </para>
    /// </summary>
    public static bool ResendsInterruptedSend(DeliveryKind kind) => kind != DeliveryKind.Reminder;
}
