using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace ArtBot.Storage.Tables;

// Parameter names (select, filter...) are those of Azure.Data.Tables so callers' named arguments keep compiling.
#pragma warning disable CA1716

/// <summary>
/// One table: entity CRUD with ETag concurrency, paged queries and entity group transactions.
/// Keys are checked before any request (see <see cref="TableKeys"/>).
/// </summary>
public class TableClient
{
    private static readonly RequestMethod Patch = RequestMethod.Patch;
    private readonly TableTransport _transport = null!;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableTransport.FromConnectionString(connectionString, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(TableTransport.FromTokenCredential(endpoint, credential, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableTransport.FromSharedKey(endpoint, credential, options), tableName)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = string.Empty;
    }

    internal TableClient(TableTransport transport, string tableName)
    {
        TableKeys.ValidateTableName(tableName);
        _transport = transport;
        Name = tableName;
    }

    public virtual string Name { get; }

    public virtual string AccountName => _transport.AccountName;

    public virtual Uri Uri => new($"{_transport.Endpoint}/{Name}");

    /// <summary>
    /// An OData filter from an interpolated string: strings quoted with doubled single quotes, DateTimeOffset/DateTime
    /// as <c>datetime'..'</c>, Guid as <c>guid'..'</c>, long with <c>L</c>, bool lowercase, byte[] as <c>X'..'</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    public virtual Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _transport.CreateTableIfNotExistsAsync(Name, cancellationToken);

    /// <summary>Deletes the table; a table that does not exist is not an error.</summary>
    public virtual Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        _transport.DeleteTableAsync(Name, cancellationToken);

    /// <summary>Inserts; an existing entity gives 409 EntityAlreadyExists as <see cref="RequestFailedException"/>.</summary>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.ValidateEntity(entity);
        using var message = _transport.CreateMessage(RequestMethod.Post, Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableTransport.SetJsonContent(message.Request, TableEntitySerializer.Serialize(entity));
        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 201 or 204 ? response : throw new RequestFailedException(response);
    }

    /// <summary>Inserts or updates without a condition.</summary>
    public virtual Task<Response> UpsertEntityAsync<T>(
        T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteEntityAsync(entity, ifMatch: null, mode, cancellationToken);

    /// <summary>
    /// Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (412 when stale);
    /// pass <see cref="ETag.All"/> to update unconditionally.
    /// </summary>
    public virtual Task<Response> UpdateEntityAsync<T>(
        T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("UpdateEntityAsync needs an ETag: the entity's ETag, or ETag.All for an unconditional update.", nameof(ifMatch));
        }

        return WriteEntityAsync(entity, ifMatch, mode, cancellationToken);
    }

    /// <summary>Reads one entity; a missing entity throws <see cref="RequestFailedException"/> with status 404.</summary>
    public virtual async Task<Response<T>> GetEntityAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (value, response) = await GetEntityCoreAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return value is not null ? Response.FromValue(value, response) : throw new RequestFailedException(response);
    }

    /// <summary>Reads one entity; a missing entity gives a response without a value.</summary>
    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (value, response) = await GetEntityCoreAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return new TableNullableResponse<T>(value, response);
    }

    /// <summary>
    /// Deletes an entity if its ETag still matches (default: unconditionally). A stale ETag gives 412;
    /// a missing entity is not an error (the 404 response is returned).
    /// </summary>
    public virtual async Task<Response> DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        using var message = _transport.CreateMessage(RequestMethod.Delete, Name + TableKeys.EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 404 ? response : throw new RequestFailedException(response);
    }

    /// <summary>
    /// Entities matching an OData <paramref name="filter"/> (build it with <see cref="CreateQueryFilter"/>), page by page
    /// (at most 1,000 or <paramref name="maxPerPage"/> each), following continuation tokens.
    /// </summary>
    public virtual AsyncPageable<T> QueryAsync<T>(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "maxPerPage must be between 1 and 1000.");
        }

        var selectText = JoinSelect(select);
        return new TableQueryPageable<T>(
            (token, pageSize, ct) => QueryPageAsync<T>(filter, pageSize, selectText, token, ct), maxPerPage, cancellationToken);
    }

    /// <summary>
    /// Runs up to 100 actions on one partition atomically. Returns one response per action; if one fails, none is
    /// applied and <see cref="TableTransactionFailedException"/> tells which.
    /// </summary>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        var actions = TableBatchRequest.Validate(transactionActions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var body = TableBatchRequest.BuildBody($"{_transport.Endpoint}/{Name}", actions, batchBoundary, changesetBoundary);

        using var message = _transport.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            throw new RequestFailedException(response);
        }

        response.Headers.TryGetValue("Content-Type", out var contentType);
        var items = MultipartResponseParser.Parse(contentType ?? string.Empty, response.Content.ToString());
        var failed = items.FirstOrDefault(i => i.Status >= 400);
        if (failed is not null)
        {
            throw TransactionFailure(failed, actions);
        }

        if (items.Count != actions.Count)
        {
            throw new RequestFailedException(
                response.Status, $"The transaction answered {items.Count} responses for {actions.Count} actions.", null, null);
        }

        return Response.FromValue<IReadOnlyList<Response>>([.. items], response);
    }

    private static TableTransactionFailedException TransactionFailure(TableBatchItemResponse failed, IReadOnlyList<TableTransactionAction> actions)
    {
        var (bodyCode, bodyMessage) = TableErrorDetailsParser.ReadODataError(BinaryData.FromString(failed.Body));
        failed.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var code = headerCode ?? bodyCode;
        var index = TableBatchRequest.FailedIndex(failed, bodyMessage, actions.Count);
        var text = $"The transaction failed{(index is null ? string.Empty : $" at action {index}")}: "
            + $"{failed.Status} {code} {FirstLine(bodyMessage)}".TrimEnd();
        var inner = new RequestFailedException(failed.Status, text, code, null);
        return new TableTransactionFailedException(inner, index)
        {
            FailedTransactionAction = index is { } i ? actions[i] : null,
        };
    }

    private static string? FirstLine(string? text) => text?.Split('\n')[0].Trim();

    private async Task<Response> WriteEntityAsync<T>(T entity, ETag? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.ValidateEntity(entity);
        var method = mode switch
        {
            TableUpdateMode.Merge => Patch,
            TableUpdateMode.Replace => RequestMethod.Put,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
        };
        using var message = _transport.CreateMessage(method, Name + TableKeys.EntityPath(entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        TableTransport.SetJsonContent(message.Request, TableEntitySerializer.Serialize(entity));
        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 204 ? response : throw new RequestFailedException(response);
    }

    private async Task<(T? Value, Response Response)> GetEntityCoreAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        using var message = _transport.CreateMessage(RequestMethod.Get, Name + TableKeys.EntityPath(partitionKey, rowKey));
        if (JoinSelect(select) is { } selectText)
        {
            message.Request.Uri.AppendQuery("$select", selectText);
        }

        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return (null, response);
        }

        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var value = TableEntitySerializer.Deserialize<T>(json.RootElement);
        if (value.ETag == default && response.Headers.ETag is { } etag)
        {
            value.ETag = etag;
        }

        return (value, response);
    }

    private async Task<Page<T>> QueryPageAsync<T>(
        string? filter, int? top, string? select, string? continuationToken, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = _transport.CreateMessage(RequestMethod.Get, Name + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (top is { } t)
        {
            uri.AppendQuery("$top", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", select);
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            var (nextPartitionKey, nextRowKey) = TableContinuation.FromToken(continuationToken);
            uri.AppendQuery("NextPartitionKey", nextPartitionKey);
            if (nextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", nextRowKey);
            }
        }

        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        var values = new List<T>();
        using (var json = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (json.RootElement.TryGetProperty("value", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    values.Add(TableEntitySerializer.Deserialize<T>(item));
                }
            }
        }

        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        return Page<T>.FromValues(values, TableContinuation.ToToken(nextPk, nextRk), response);
    }

    private static string? JoinSelect(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var names = select.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return names.Count == 0 ? null : string.Join(",", names);
    }
}
