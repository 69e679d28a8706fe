using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Storage.Votes;

/// <summary>
/// Row keys of ballots. Named votes key by the voter's id; anonymous votes by HMAC-SHA256 of the voter's id
/// under the vote's random salt, so a ballot row names nobody and one person's rows in two votes differ.
/// </summary>
public static class VoterKeys
{
    public const string BallotPrefix = "ballot-";

    /// <summary>A new random salt for a vote (32 bytes, base64).</summary>
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The keyed hash of <paramref name="voterId"/> under <paramref name="salt"/> (lower-case hex).</summary>
    public static string AnonymousKey(string salt, string voterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        ArgumentException.ThrowIfNullOrEmpty(voterId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(salt), Encoding.UTF8.GetBytes(voterId)));
    }

    /// <summary>The ballot row key of a voter in a vote with this salt (null salt: a named vote).</summary>
    public static string RowKey(string? salt, string voterId) =>
        BallotPrefix + (salt is null ? StorageKeys.Encode(voterId) : AnonymousKey(salt, voterId));
}
