using ArtBot.Domain.Arts;
using ArtBot.Domain.People;

namespace ArtBot.Domain.Sync;

/// <summary>
/// Turns a check-in blocker flagged "needs help" into a tracked impediment (one click on the sync summary). The
/// impediments feature provides the real implementation; until then the sync feature's default posts a card.
/// </summary>
public interface IBlockerEscalation
{
    Task<BlockerEscalationResult> RaiseImpedimentAsync(BlockerEscalationRequest request, CancellationToken cancellationToken);
}

/// <summary>The blocker to raise: its text, the team and check-in it came from, who clicked, where the summary is.</summary>
public sealed record BlockerEscalationRequest(
    Art Art,
    DateOnly SyncDate,
    string TeamConversationId,
    string TeamName,
    CheckInItemKind Kind,
    string Text,
    Person RaisedBy,
    DateTimeOffset RaisedAt,
    /// <summary>Where the click came from (the summary's conversation) and its service URL.</summary>
    string ConversationId,
    string ServiceUrl,
    /// <summary>A stable id for this blocker of this check-in: raising it twice must not create two impediments.</summary>
    string SourceId);

/// <summary>The impediment created (its id) or why not.</summary>
public sealed record BlockerEscalationResult(bool Raised, string? ImpedimentId, string Message);
