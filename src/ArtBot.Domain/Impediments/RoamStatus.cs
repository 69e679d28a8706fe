namespace ArtBot.Domain.Impediments;

/// <summary>
/// ROAM: Resolved (no longer a concern), Owned (someone has taken responsibility), Accepted (nothing more can be
/// done), Mitigated (a plan reduces it). An impediment nobody has ROAMed yet has no status (null).
/// </summary>
public enum RoamStatus
{
    Resolved,
    Owned,
    Accepted,
    Mitigated,
}
