using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Features.Votes;

/// <summary>Vote ids: derived from the starting activity, so a redelivered command creates nothing new.</summary>
public static class VoteIds
{
    public const int Length = 24;

    public static string FromActivity(string tenantId, string conversationId, string activityId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{conversationId}\n{activityId}")))[..Length];

    /// <summary>True for strings shaped like a vote id (checked before they reach storage keys).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
