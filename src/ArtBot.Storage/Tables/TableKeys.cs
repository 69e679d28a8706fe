using System.Text.RegularExpressions;

namespace ArtBot.Storage.Tables;

/// <summary>Client-side checks and escaping of PartitionKey, RowKey and table names, done before any request.</summary>
internal static partial class TableKeys
{
    /// <summary>1 KiB of UTF-16.</summary>
    internal const int MaxKeyLength = 512;

    public static void Validate(string? key, string keyName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(keyName, $"The {keyName} must not be null.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The {keyName} is {key.Length} characters long; at most {MaxKeyLength} (1 KiB) are allowed.", keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new ArgumentException(
                    $"The {keyName} contains '{c}', which Azure Table Storage does not allow in keys (/ \\ # ? and control characters).",
                    keyName);
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException(
                    $"The {keyName} contains the control character U+{(int)c:X4}, which Azure Table Storage does not allow in keys.",
                    keyName);
            }
        }
    }

    public static void ValidateEntity(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Validate(entity.PartitionKey, nameof(ITableEntity.PartitionKey));
        Validate(entity.RowKey, nameof(ITableEntity.RowKey));
    }

    /// <summary>The entity address segment <c>(PartitionKey='..',RowKey='..')</c>: quotes doubled, then percent-encoded.</summary>
    public static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    public static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    public static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: 3 to 63 letters or digits, starting with a letter.", nameof(tableName));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
