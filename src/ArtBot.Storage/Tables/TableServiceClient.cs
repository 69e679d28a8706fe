using Azure;
using Azure.Core;

namespace ArtBot.Storage.Tables;

/// <summary>The account's table service: creates and deletes tables and hands out <see cref="TableClient"/>s.</summary>
public class TableServiceClient
{
    private readonly TableTransport _transport = null!;

    /// <summary>From any Azure Storage connection string (account key, SAS, <c>UseDevelopmentStorage=true</c>).</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableTransport.FromConnectionString(connectionString, options))
    {
    }

    /// <summary>Entra ID (managed identity, workload identity...) against an https table endpoint.</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(TableTransport.FromTokenCredential(endpoint, credential, options))
    {
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableTransport.FromSharedKey(endpoint, credential, options))
    {
    }

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
    }

    internal TableServiceClient(TableTransport transport) => _transport = transport;

    public virtual string AccountName => _transport.AccountName;

    public virtual Uri Uri => _transport.EndpointUri;

    public virtual TableClient GetTableClient(string tableName) => new(_transport, tableName);

    public virtual Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        _transport.CreateTableIfNotExistsAsync(tableName, cancellationToken);

    /// <summary>Deletes a table; a table that does not exist is not an error.</summary>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        _transport.DeleteTableAsync(tableName, cancellationToken);
}
