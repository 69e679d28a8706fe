namespace ArtBot.Domain.Impediments;

/// <summary>An impediment blocks a team now; a risk might.</summary>
public enum ImpedimentKind
{
    Impediment,
    Risk,
}
