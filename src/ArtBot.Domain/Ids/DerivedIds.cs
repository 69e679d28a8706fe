using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Domain.Ids;

/// <summary>
/// Ids derived from what creates something (the activity, message or card that raised it), so a redelivery creates
/// nothing new: lower-case hex of SHA-256 over the parts, one per line, cut to the id's length.
/// </summary>
public static class DerivedIds
{
    /// <summary>The length of the ids of things an activity creates (a vote, an ART, ...).</summary>
    public const int Length = 24;

    /// <summary>The id of what the activity <paramref name="activityId"/> creates in a conversation.</summary>
    public static string FromActivity(string tenantId, string conversationId, string activityId) => Of(Length, tenantId, conversationId, activityId);

    /// <summary>The first <paramref name="length"/> hex characters of SHA-256 over <paramref name="parts"/>, one per line.</summary>
    public static string Of(int length, params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..length];

    /// <summary>True for strings shaped like a derived id of <paramref name="length"/> (checked before they reach storage keys).</summary>
    public static bool IsWellFormed(string? id, int length = Length) =>
        id is { Length: var actual } && actual == length && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
