using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ArtBot.Storage.Tables;

/// <summary>
/// The pipeline and account endpoint shared by <see cref="TableServiceClient"/> and its <see cref="TableClient"/>s:
/// protocol headers per call, signing per retry, Azure.Core retries and logging, table-aware error details.
/// </summary>
internal sealed class TableTransport
{
    internal const string StorageScope = "https://storage.azure.com/.default";

    private TableTransport(HttpPipeline pipeline, Uri endpoint, string? accountName)
    {
        Pipeline = pipeline;
        Endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        EndpointUri = new Uri(Endpoint);
        AccountName = accountName ?? StorageConnectionString.AccountNameFromEndpoint(endpoint) ?? string.Empty;
    }

    public HttpPipeline Pipeline { get; }

    /// <summary>The account's table endpoint, without a trailing slash.</summary>
    public string Endpoint { get; }

    public Uri EndpointUri { get; }

    public string AccountName { get; }

    public static TableTransport FromConnectionString(string connectionString, TableClientOptions? options, TimeProvider? timeProvider = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        var policies = new List<HttpPipelinePolicy>();
        if (parsed.SharedAccessSignature is { } sas)
        {
            policies.Add(new TableSasPolicy(sas));
        }
        else
        {
            policies.Add(new TableSharedKeyPolicy(
                new TableSharedKeyCredential(parsed.AccountName!, parsed.AccountKey!), timeProvider ?? TimeProvider.System));
        }

        return new TableTransport(Build(options, policies), parsed.TableEndpoint, parsed.AccountName);
    }

    public static TableTransport FromSharedKey(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new TableTransport(
            Build(options, [new TableSharedKeyPolicy(credential, TimeProvider.System)]), endpoint, credential.AccountName);
    }

    public static TableTransport FromTokenCredential(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new TableTransport(
            Build(options, [new BearerTokenAuthenticationPolicy(credential, StorageScope)]), endpoint, null);
    }

    /// <summary>A transport over a given pipeline (tests).</summary>
    internal static TableTransport FromPipeline(HttpPipeline pipeline, Uri endpoint, string? accountName) => new(pipeline, endpoint, accountName);

    private static HttpPipeline Build(TableClientOptions? options, IEnumerable<HttpPipelinePolicy> perRetry)
    {
        var pipelineOptions = new HttpPipelineOptions(options ?? new TableClientOptions())
        {
            RequestFailedDetailsParser = new TableErrorDetailsParser(),
        };
        pipelineOptions.PerCallPolicies.Add(TableHeadersPolicy.Instance);
        foreach (var policy in perRetry)
        {
            pipelineOptions.PerRetryPolicies.Add(policy);
        }

        return HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <summary>A request to <c>{endpoint}/{path}</c>; <paramref name="path"/> is already escaped.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(EndpointUri);
        message.Request.Uri.AppendPath("/" + path, escape: false);
        return message;
    }

    public static void SetJsonContent(Request request, byte[] json)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(json);
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    public async Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken)
    {
        TableKeys.ValidateTableName(tableName);
        using var message = CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message.Request, Encoding.UTF8.GetBytes($"{{\"TableName\":\"{tableName}\"}}"));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 || (response.Status == 409 && IsErrorCode(response, "TableAlreadyExists")))
        {
            return Response.FromValue(new TableItem(tableName), response);
        }

        throw new RequestFailedException(response);
    }

    public async Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken)
    {
        TableKeys.ValidateTableName(tableName);
        using var message = CreateMessage(RequestMethod.Delete, $"Tables('{tableName}')");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 404 ? response : throw new RequestFailedException(response);
    }

    internal static bool IsErrorCode(Response response, string code) =>
        response.Headers.TryGetValue("x-ms-error-code", out var header)
            ? string.Equals(header, code, StringComparison.Ordinal)
            : string.Equals(TableErrorDetailsParser.ReadODataError(response.Content).Code, code, StringComparison.Ordinal);
}
