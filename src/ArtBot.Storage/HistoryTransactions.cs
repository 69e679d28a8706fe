using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage;

/// <summary>
/// An item row and its append-only history rows, written in one entity group transaction (same partition): a change is
/// stored with its history or not at all, and a change made from a stale copy (ETag) is refused, never overwriting
/// another. Used by the stores of improvement items, PI objectives and dependencies.
/// </summary>
public static class HistoryTransactions
{
    /// <summary>Adds the item with its first history row; false when the item exists (a redelivery): nothing is written.</summary>
    public static async Task<bool> AddWithHistoryAsync(this TableClient table, ITableEntity item, ITableEntity created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, item),
                new TableTransactionAction(TableTransactionActionType.Add, created),
            ], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the item if its ETag is still <paramref name="version"/> and appends <paramref name="history"/>. Not
    /// stored on a conflict (changed, deleted or a history row taken meanwhile); when stored, the new ETag if the
    /// service gave it.
    /// </summary>
    public static async Task<(bool Stored, ETag? ETag)> ReplaceWithHistoryAsync(
        this TableClient table, ITableEntity item, string version, IEnumerable<ITableEntity> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, item, new ETag(version)) };
        actions.AddRange(history.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        try
        {
            var responses = (await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false)).Value;
            return (true, responses.Count > 0 ? responses[0].Headers.ETag : null);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404 or 409)
        {
            return (false, null);
        }
    }

    /// <summary>
    /// A history row's key: <paramref name="prefix"/>, the item id, the change's time (ticks, so rows sort by time), its
    /// place in the write and a random suffix (two writers of the same instant never collide).
    /// </summary>
    public static string HistoryKey(string prefix, string itemId, DateTimeOffset at, int n) =>
        $"{prefix}{itemId}-{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{n:D2}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
