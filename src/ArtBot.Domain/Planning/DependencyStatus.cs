namespace ArtBot.Domain.Planning;

/// <summary>Where a dependency between two teams stands.</summary>
public enum DependencyStatus
{
    /// <summary>Asked for; the providing team has not answered.</summary>
    Requested,
    /// <summary>The providing team committed to deliver it by an iteration no later than needed.</summary>
    Committed,
    /// <summary>Committed later than needed, or not delivered when its iteration ended.</summary>
    AtRisk,
    Delivered,
    /// <summary>The providing team cannot take it (with a reason).</summary>
    Declined,
}
