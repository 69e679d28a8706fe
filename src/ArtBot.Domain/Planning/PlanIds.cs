using ArtBot.Domain.Ids;

namespace ArtBot.Domain.Planning;

/// <summary>
/// Ids of objectives and dependencies: derived from what created them (the card action's activity, or the check-in
/// item), so a redelivery creates nothing twice. Lower-case hex, checked before they reach a storage key.
/// </summary>
public static class PlanIds
{
    public const int Length = 16;

    public static string Objective(string tenantId, string artId, string teamConversationId, string key) =>
        DerivedIds.Of(Length, "objective", tenantId, artId, teamConversationId, key);

    public static string Dependency(string tenantId, string artId, string key) => DerivedIds.Of(Length, "dependency", tenantId, artId, key);

    public static string Feature(string tenantId, string artId, string key) => DerivedIds.Of(Length, "feature", tenantId, artId, key);

    public static string Milestone(string tenantId, string artId, string key) => DerivedIds.Of(Length, "milestone", tenantId, artId, key);

    /// <summary>One capacity item per team and PI: derived from both, never from the action that stated it.</summary>
    public static string Capacity(string tenantId, string artId, string teamConversationId, string pi) =>
        DerivedIds.Of(Length, "capacity", tenantId, artId, teamConversationId, pi);

    public static bool IsWellFormed(string? id) => DerivedIds.IsWellFormed(id, Length);
}
