using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Features.Common;

/// <summary>
/// Ids derived from the activity that creates something (a vote, an ART, ...), so a redelivered activity creates
/// nothing new: 24 lower-case hex characters of SHA-256 over tenant, conversation and activity id.
/// </summary>
public static class DerivedIds
{
    public const int Length = 24;

    public static string FromActivity(string tenantId, string conversationId, string activityId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{conversationId}\n{activityId}")))[..Length];

    /// <summary>True for strings shaped like a derived id (checked before they reach storage keys).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
