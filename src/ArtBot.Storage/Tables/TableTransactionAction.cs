using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>One operation of an entity group transaction (see <see cref="TableClient.SubmitTransactionAsync"/>).</summary>
public class TableTransactionAction
{
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity)
        : this(actionType, entity, default)
    {
    }

    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    public TableTransactionActionType ActionType { get; }

    public ITableEntity Entity { get; }

    /// <summary>The If-Match value for updates and deletes; default means unconditional (*).</summary>
    public ETag ETag { get; }
}
