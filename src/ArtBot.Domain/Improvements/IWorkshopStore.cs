namespace ArtBot.Domain.Improvements;

/// <summary>Workshops, their problems and dots, and the per-conversation index.</summary>
public interface IWorkshopStore
{
    /// <summary>Stores a new workshop and its index row; false when it exists (a redelivery).</summary>
    Task<bool> CreateAsync(Workshop workshop, CancellationToken cancellationToken);

    Task SetActivityIdAsync(string workshopId, string activityId, CancellationToken cancellationToken);

    Task<Workshop?> GetAsync(string workshopId, CancellationToken cancellationToken);

    /// <summary>The newest workshop of a conversation (no thread suffix), open or closed; null if none.</summary>
    Task<Workshop?> FindLatestAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The workshop, its problems and every participant's dots: one partition read.</summary>
    Task<WorkshopState?> GetStateAsync(string workshopId, CancellationToken cancellationToken);

    /// <summary>Adds a problem; <see cref="WorkshopProblem.Id"/> makes a redelivery idempotent.</summary>
    Task AddProblemAsync(Workshop workshop, WorkshopProblem problem, CancellationToken cancellationToken);

    /// <summary>
    /// Places the participant's dot on a problem. The participant's own row is ETag-guarded, so two clicks at once
    /// never spend more than the allowance; participants never contend with each other.
    /// </summary>
    Task<DotResult> SpendDotAsync(Workshop workshop, string participantId, string? participantName, string problemId, CancellationToken cancellationToken);

    /// <summary>Takes the participant's dot back from a problem.</summary>
    Task<DotResult> TakeBackDotAsync(Workshop workshop, string participantId, string problemId, CancellationToken cancellationToken);

    /// <summary>Closes voting; false when it was already closed.</summary>
    Task<bool> CloseAsync(Workshop workshop, DateTimeOffset closedAt, string? closedByName, IReadOnlyList<string> selectedProblemIds, CancellationToken cancellationToken);
}
