using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>A transaction was rolled back because one of its actions failed.</summary>
public class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(RequestFailedException requestFailedException)
        : this(requestFailedException, null)
    {
    }

    public TableTransactionFailedException(RequestFailedException requestFailedException, int? failedTransactionActionIndex)
        : base(
            requestFailedException?.Status ?? 0,
            requestFailedException?.Message ?? "The transaction failed.",
            requestFailedException?.ErrorCode,
            requestFailedException)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The index, in the submitted actions, of the action that failed, when the service tells it.</summary>
    public int? FailedTransactionActionIndex { get; }

    /// <summary>The action that failed, when known.</summary>
    public TableTransactionAction? FailedTransactionAction { get; internal set; }
}
