namespace ArtBot.Domain.Pulses;

/// <summary>Team satisfaction pulses: one per team and iteration, anonymous answers, the PI's figures for the review.</summary>
public interface IPulseStore
{
    /// <summary>Creates the pulse with a new salt; false when it exists already (a second <c>pulse</c>, a redelivery).</summary>
    Task<bool> CreateAsync(Pulse pulse, CancellationToken cancellationToken);

    Task<Pulse?> GetAsync(PulseKey key, CancellationToken cancellationToken);

    Task SetActivityIdAsync(PulseKey key, string activityId, CancellationToken cancellationToken);

    /// <summary>Saves (or replaces) the voter's answer; false when the pulse is closed (its salt is gone).</summary>
    Task<bool> AnswerAsync(PulseKey key, string voterId, PulseAnswer answer, CancellationToken cancellationToken);

    /// <summary>The voter's own answer while the pulse is open; null after close (nobody can find it again).</summary>
    Task<PulseAnswer?> FindMineAsync(PulseKey key, string voterId, CancellationToken cancellationToken);

    Task<PulseResults?> GetResultsAsync(PulseKey key, CancellationToken cancellationToken);

    /// <summary>Every pulse of the ART in <paramref name="pi"/> with its answers.</summary>
    Task<IReadOnlyList<PulseResults>> ListAsync(string tenantId, string artId, string pi, CancellationToken cancellationToken);

    /// <summary>Closes the pulse: deletes its salt, so no answer can be linked to anybody, even by hashing again. Idempotent.</summary>
    Task CloseAsync(PulseKey key, CancellationToken cancellationToken);

    /// <summary>The PI's figures for the quantitative review: per team and iteration where shown, and the ART's per iteration.</summary>
    async Task<PulseReview> GetReviewAsync(string tenantId, string artId, string pi, CancellationToken cancellationToken) =>
        PulseRules.Review(pi, await ListAsync(tenantId, artId, pi, cancellationToken));
}
