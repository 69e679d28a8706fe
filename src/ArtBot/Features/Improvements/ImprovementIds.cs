using System.Security.Cryptography;
using System.Text;

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

    public static string Workshop(string tenantId, string conversationId, string activityId) => Hash($"workshop\n{tenantId}\n{conversationId}\n{activityId}", WorkshopLength);

    public static string Problem(string workshopId, string activityId) => Hash($"problem\n{workshopId}\n{activityId}", ProblemLength);

    public static string Item(string workshopId, string problemId) => Hash($"item\n{workshopId}\n{problemId}", ItemLength);

    public static bool IsWorkshop(string? id) => IsHex(id, WorkshopLength);

    public static bool IsProblem(string? id) => IsHex(id, ProblemLength);

    public static bool IsItem(string? id) => IsHex(id, ItemLength);

    private static string Hash(string text, int length) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];

    private static bool IsHex(string? id, int length) => id is { Length: var l } && l == length && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
