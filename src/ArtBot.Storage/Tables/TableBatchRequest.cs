using System.Text;

namespace ArtBot.Storage.Tables;

/// <summary>Checks a transaction and writes its <c>multipart/mixed</c> <c>$batch</c> body (one changeset).</summary>
internal static class TableBatchRequest
{
    internal const int MaxActions = 100;

    /// <summary>The checks Azure makes (Azurite does not): 1 to 100 actions, one PartitionKey, no RowKey twice, valid keys.</summary>
    public static IReadOnlyList<TableTransactionAction> Validate(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (list.Count > MaxActions)
        {
            throw new ArgumentException(
                $"A transaction holds at most {MaxActions} actions; this one has {list.Count}.", nameof(actions));
        }

        var partitionKey = list[0].Entity?.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var entity = list[i]?.Entity ?? throw new ArgumentException($"Action {i} is null or has no entity.", nameof(actions));
            TableKeys.ValidateEntity(entity);
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All actions of a transaction must share one PartitionKey; action {i} has '{entity.PartitionKey}', action 0 has '{partitionKey}'.",
                    nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException(
                    $"A transaction may touch a RowKey only once; action {i} repeats RowKey '{entity.RowKey}'.", nameof(actions));
            }
        }

        return list;
    }

    /// <param name="tableUrl">The absolute table URL without a trailing slash, e.g. <c>https://acct.table.core.windows.net/votes</c>.</param>
    public static string BuildBody(string tableUrl, IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        var sb = new StringBuilder();
        sb.Append("--").Append(batchBoundary).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            var (method, withKeys, ifMatch, withBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", false, false, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, true, true),
                TableTransactionActionType.UpdateReplace => ("PUT", true, true, true),
                TableTransactionActionType.Delete => ("DELETE", true, true, false),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, false, true),
                TableTransactionActionType.UpsertReplace => ("PUT", true, false, true),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };

            sb.Append("--").Append(changesetBoundary).Append("\r\n");
            sb.Append("Content-Type: application/http\r\n");
            sb.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            sb.Append(method).Append(' ').Append(tableUrl);
            if (withKeys)
            {
                sb.Append(TableKeys.EntityPath(entity.PartitionKey, entity.RowKey));
            }

            sb.Append(" HTTP/1.1\r\n");
            sb.Append("Accept: ").Append(TableHeadersPolicy.AcceptJson).Append("\r\n");
            sb.Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch)
            {
                sb.Append("If-Match: ").Append(action.ETag == default ? "*" : action.ETag.ToString()).Append("\r\n");
            }

            if (withBody)
            {
                sb.Append("Content-Type: application/json\r\n");
                if (action.ActionType == TableTransactionActionType.Add)
                {
                    sb.Append("Prefer: return-no-content\r\n");
                }

                sb.Append("\r\n");
                sb.Append(Encoding.UTF8.GetString(TableEntitySerializer.Serialize(entity)));
            }

            sb.Append("\r\n");
        }

        sb.Append("--").Append(changesetBoundary).Append("--\r\n");
        sb.Append("--").Append(batchBoundary).Append("--\r\n");
        return sb.ToString();
    }

    /// <summary>The failing action's index, from the error message's <c>"{index}:"</c> prefix or a Content-ID header.</summary>
    internal static int? FailedIndex(TableBatchItemResponse response, string? message, int actionCount)
    {
        if (message is not null)
        {
            var colon = message.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(message.AsSpan(0, colon), out var index) && index >= 0 && index < actionCount)
            {
                return index;
            }
        }

        if (response.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, out var id)
            && id >= 0 && id < actionCount)
        {
            return id;
        }

        return actionCount == 1 ? 0 : null;
    }
}
