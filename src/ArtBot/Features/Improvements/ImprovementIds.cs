using ArtBot.Domain.Ids;

namespace ArtBot.Features.Improvements;

/// <summary>
/// Ids of workshops, problems and improvement items: derived from what created them (the activity, the workshop and
/// problem), so a redelivered activity or a repeated close creates nothing new. Lower-case hex only, so they are safe
/// storage keys and are checked before they reach one.
/// </summary>
public static class ImprovementIds
{
    public const int WorkshopLength = 24;
    public const int ProblemLength = 12;
    public const int ItemLength = 16;

    public static string Workshop(string tenantId, string conversationId, string activityId) => DerivedIds.Of(WorkshopLength, "workshop", tenantId, conversationId, activityId);

    public static string Problem(string workshopId, string activityId) => DerivedIds.Of(ProblemLength, "problem", workshopId, activityId);

    public static string Item(string workshopId, string problemId) => DerivedIds.Of(ItemLength, "item", workshopId, problemId);

    public static bool IsWorkshop(string? id) => DerivedIds.IsWellFormed(id, WorkshopLength);

    public static bool IsProblem(string? id) => DerivedIds.IsWellFormed(id, ProblemLength);

    public static bool IsItem(string? id) => DerivedIds.IsWellFormed(id, ItemLength);
}
