namespace ArtBot.Domain.Sync;

/// <summary>
/// Check-in answers and delivery claims of sync occurrences. Claims are ETag-guarded rows, so several instances can
/// run the same occurrence and each conversation is posted to once.
/// </summary>
public interface ISyncStore
{
    /// <summary>Every delivery row of one kind of an occurrence (one query).</summary>
    Task<IReadOnlyList<SyncDelivery>> GetDeliveriesAsync(OccurrenceKey occurrence, DeliveryKind kind, CancellationToken cancellationToken);

    Task<SyncDelivery?> GetDeliveryAsync(OccurrenceKey occurrence, DeliveryKind kind, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the delivery for <paramref name="owner"/> until <paramref name="leaseUntil"/>: inserts its row, or takes over a
    /// row whose lease ran out (not final, fewer than <paramref name="maxAttempts"/> attempts) or that an earlier run of the
    /// same instance left claimed (<see cref="SyncDelivery.IsAbandonedBy"/>), with its ETag. The claim returned keeps the
    /// previous holder's <see cref="SyncDelivery.SendingAt"/> (an interrupted send). Null when another instance holds it or
    /// it is done.
    /// </summary>
    Task<SyncDelivery?> TryClaimAsync(
        OccurrenceKey occurrence, DeliveryKind kind, string conversationId, ClaimOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryClaimAsync"/> for a row already read (<paramref name="existing"/>): takes it over with that row's ETag if
    /// <paramref name="owner"/> may (lease ran out, or an abandoned claim of its own), in one write. Null when it may not, or
    /// the row changed since it was read.
    /// </summary>
    Task<SyncDelivery?> TryTakeOverAsync(SyncDelivery existing, ClaimOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>
    /// Records on a held claim that its send is about to go out (<see cref="SyncDelivery.SendingAt"/> = <paramref name="at"/>).
    /// Returns the claim with its new version, or null when it was taken over meanwhile (then nothing may be sent).
    /// </summary>
    Task<SyncDelivery?> MarkSendingAsync(SyncDelivery claim, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records the end of a claimed delivery (Sent, Failed with a retry time in <paramref name="retryAt"/>, Unreachable, GaveUp),
    /// if the claim is still held (its ETag matches). False when it was taken over meanwhile.
    /// </summary>
    Task<bool> CompleteAsync(SyncDelivery claim, DeliveryState state, string? activityId, string? failure, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Gives a claim back unused (nothing was sent), so another instance can take it at once.</summary>
    Task ReleaseAsync(SyncDelivery claim, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckInAnswer>> GetAnswersAsync(OccurrenceKey occurrence, CancellationToken cancellationToken);

    Task<CheckInAnswer?> GetAnswerAsync(OccurrenceKey occurrence, string teamConversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an answer: inserts when <see cref="CheckInAnswer.Version"/> is null, else replaces it if unchanged since read.
    /// Returns the stored answer with its new version, or null on a conflict (another answer came first: read again).
    /// </summary>
    Task<CheckInAnswer?> SaveAnswerAsync(CheckInAnswer answer, CancellationToken cancellationToken);

    /// <summary>Records that an RTE asked for the prompts now (<c>sync now</c>); every instance's scheduler honours it.</summary>
    Task RequestPromptsAsync(OccurrenceKey occurrence, DateTimeOffset requestedAt, string requestedBy, CancellationToken cancellationToken);

    /// <summary>When the prompts were asked for ahead of schedule, if they were.</summary>
    Task<DateTimeOffset?> GetPromptsRequestedAsync(OccurrenceKey occurrence, CancellationToken cancellationToken);
}
