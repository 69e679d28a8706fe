namespace ArtBot.Domain.Impediments;

/// <summary>Where an impediment was raised.</summary>
public enum ImpedimentSourceKind
{
    /// <summary>The <c>impediment</c> or <c>blocked</c> command.</summary>
    Command,

    /// <summary>The "Raise impediment" message extension, from a message or the compose box.</summary>
    Message,

    /// <summary>A concern voiced on a confidence vote.</summary>
    VoteConcern,

    /// <summary>A blocker reported in an ART sync check-in.</summary>
    CheckInBlocker,

    /// <summary>A dependency between teams at risk, raised as a risk to ROAM.</summary>
    Dependency,
}
