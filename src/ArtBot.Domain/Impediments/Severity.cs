namespace ArtBot.Domain.Impediments;

/// <summary>How badly the impediment or risk hurts the team or ART.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
