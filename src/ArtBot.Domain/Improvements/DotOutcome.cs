namespace ArtBot.Domain.Improvements;

/// <summary>What happened to a dot spent or taken back.</summary>
public enum DotOutcome
{
    /// <summary>The dot was placed (or removed).</summary>
    Changed,

    /// <summary>Nothing to do: the dot was already there (or already gone). A redelivery ends here.</summary>
    Unchanged,

    /// <summary>Refused: every dot of the participant is spent.</summary>
    NoDotsLeft,

    /// <summary>Refused: voting is closed.</summary>
    Closed,

    /// <summary>Refused: the problem is not part of the workshop.</summary>
    UnknownProblem,
}

/// <summary>The outcome and the participant's dots afterwards.</summary>
public sealed record DotResult(DotOutcome Outcome, ParticipantDots Dots);
