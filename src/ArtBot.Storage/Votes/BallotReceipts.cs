using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Storage.Votes;

/// <summary>
/// A receipt names one version of one ballot row: a short hash of its row key and ETag. The final result of a vote
/// stores the receipts it counted, so a ballot written while the vote closed can tell whether it was counted. It
/// names nobody: the row key of an anonymous ballot is already a keyed hash, and its key is gone once closed.
/// </summary>
public static class BallotReceipts
{
    public static string Of(string rowKey, string etag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rowKey + "\n" + etag)))[..16];

    public static string Join(IEnumerable<string> receipts) => string.Join(' ', receipts);

    public static IReadOnlySet<string> Split(string? joined) =>
        new HashSet<string>((joined ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
