namespace ArtBot.Domain.Improvements;

/// <summary>Where an improvement item stands.</summary>
public enum ImprovementStatus
{
    Proposed,
    Committed,
    InProgress,
    Done,
    Dropped,
}
