namespace ArtBot.Storage.Tables;

/// <summary>Packs the two continuation headers into one opaque token and back.</summary>
internal static class TableContinuation
{
    public static string? ToToken(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey) ? null
        : string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey
        : nextPartitionKey + " " + nextRowKey;

    public static (string PartitionKey, string? RowKey) FromToken(string token)
    {
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
