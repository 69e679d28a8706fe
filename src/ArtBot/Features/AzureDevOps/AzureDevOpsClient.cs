using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ArtBot.BotFramework.Http;
using ArtBot.Domain.AzureDevOps;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// The Work Item Tracking REST API (version 7.1) with the bot's token for the ART's tenant: a WIQL query for the
/// Features under an area path, and work items read 200 at a time. Each answer reports its Retry-After; the caller
/// defers the organization (<see cref="BacklogRefresh"/>).
/// </summary>
public sealed class AzureDevOpsClient(IHttpClientFactory factory, AzureDevOpsIdentity identity, IOptions<AzureDevOpsOptions> options, TimeProvider time)
{
    /// <summary>The named HttpClient (with the outgoing resilience pipeline).</summary>
    public const string HttpClientName = "AzureDevOps";
    public const int MaxBatch = 200;

    private const string Title = "System.Title";
    private const string Description = "System.Description";
    private const string State = "System.State";
    private const string Project = "System.TeamProject";
    private const string BusinessValue = "Microsoft.VSTS.Common.BusinessValue";
    private const string TimeCriticality = "Microsoft.VSTS.Common.TimeCriticality";
    private const string Effort = "Microsoft.VSTS.Scheduling.Effort";

    /// <summary>The ids of the Features under <paramref name="areaPath"/> (and <paramref name="iterationPath"/>), by id.</summary>
    public async Task<AzureDevOpsAnswer<IReadOnlyList<int>>> QueryFeaturesAsync(
        string tenantId, string organization, string project, string areaPath, string? iterationPath, CancellationToken cancellationToken)
    {
        var query = "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.WorkItemType] = 'Feature'"
            + " AND [System.AreaPath] UNDER " + Literal(areaPath)
            + (iterationPath is { Length: > 0 } ? " AND [System.IterationPath] UNDER " + Literal(iterationPath) : "")
            + " ORDER BY [System.Id]";
        var top = options.Value.MaxFeatures.ToString(CultureInfo.InvariantCulture);
        var answer = await SendAsync(
            tenantId, $"{Organization(organization)}/{Uri.EscapeDataString(project)}/_apis/wit/wiql?$top={top}&api-version={AzureDevOpsOptions.ApiVersion}",
            JsonContent.Create(new WiqlRequest(query), AzureDevOpsJsonContext.Default.WiqlRequest), AzureDevOpsJsonContext.Default.WiqlResult, cancellationToken);
        return answer.Value is { } result
            ? new(result.WorkItems?.Select(w => w.Id).ToList() ?? [], answer.Status, answer.RetryAfter)
            : AzureDevOpsAnswer.Failed<IReadOnlyList<int>>(answer.Status, answer.RetryAfter);
    }

    /// <summary>At most <see cref="MaxBatch"/> work items by id; an item that is gone or not readable is left out.</summary>
    public async Task<AzureDevOpsAnswer<IReadOnlyList<WorkItemSnapshot>>> ReadAsync(
        string tenantId, string organization, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, MaxBatch);
        List<string> fields = [Title, Description, State, Project, "System.AreaPath", "System.IterationPath", BusinessValue, TimeCriticality, Effort];
        if (options.Value.RiskReductionField is { Length: > 0 } risk)
        {
            fields.Add(risk);
        }

        var answer = await SendAsync(
            tenantId, $"{Organization(organization)}/_apis/wit/workitemsbatch?api-version={AzureDevOpsOptions.ApiVersion}",
            JsonContent.Create(new WorkItemBatchRequest(ids, fields, "omit"), AzureDevOpsJsonContext.Default.WorkItemBatchRequest),
            AzureDevOpsJsonContext.Default.WorkItemList, cancellationToken);
        return answer.Value is { } list
            ? new([.. (list.Value ?? []).OfType<WorkItemWire>().Select(w => Snapshot(organization, w))], answer.Status, answer.RetryAfter)
            : AzureDevOpsAnswer.Failed<IReadOnlyList<WorkItemSnapshot>>(answer.Status, answer.RetryAfter);
    }

    private async Task<AzureDevOpsAnswer<T>> SendAsync<T>(
        string tenantId, string path, HttpContent body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (await TokenAsync(tenantId, cancellationToken) is not { } token)
        {
            return AzureDevOpsAnswer.Failed<T>(AzureDevOpsAnswer.NoToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await factory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var retryAfter = TransientHttp.RetryAfter(response.Headers, time);
            if (!response.IsSuccessStatusCode)
            {
                return AzureDevOpsAnswer.Failed<T>((int)response.StatusCode, retryAfter);
            }

            // A 203 with the sign-in page is how Azure DevOps answers a request it did not authenticate.
            if (response.Content.Headers.ContentType?.MediaType is not "application/json")
            {
                return AzureDevOpsAnswer.Failed<T>(401, retryAfter);
            }

            var value = await response.Content.ReadFromJsonAsync(type, cancellationToken);
            return value is null ? AzureDevOpsAnswer.Failed<T>((int)response.StatusCode, retryAfter) : new(value, (int)response.StatusCode, retryAfter);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return AzureDevOpsAnswer.Failed<T>(0);
        }
    }

    private async Task<string?> TokenAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (identity.Credential is not { } credential)
        {
            return null;
        }

        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([options.Value.Scope], tenantId: tenantId), cancellationToken);
            return token.Token;
        }
        catch (Exception exception) when (exception is AuthenticationFailedException or CredentialUnavailableException or ArgumentException)
        {
            return null;
        }
    }

    private WorkItemSnapshot Snapshot(string organization, WorkItemWire item)
    {
        var fields = item.Fields ?? [];
        var project = String(fields, Project) ?? "";
        var url = item.Links?.Html?.Href is { } href && Uri.TryCreate(href, UriKind.Absolute, out var html)
            ? html
            : new Uri($"{Base}/{Uri.EscapeDataString(organization)}/{Uri.EscapeDataString(project)}/_workitems/edit/{item.Id.ToString(CultureInfo.InvariantCulture)}");
        return new WorkItemSnapshot(
            item.Id,
            item.Rev,
            String(fields, Title) ?? "",
            String(fields, Description),
            String(fields, State),
            Number(fields, BusinessValue),
            Number(fields, TimeCriticality),
            options.Value.RiskReductionField is { Length: > 0 } risk ? Number(fields, risk) : null,
            Number(fields, Effort),
            url);
    }

    private string Base => options.Value.BaseUrl.TrimEnd('/');

    private string Organization(string organization) => Base + "/" + Uri.EscapeDataString(organization);

    /// <summary>A WIQL string literal: single quotes doubled.</summary>
    internal static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string? String(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(Dictionary<string, JsonElement> fields, string name) =>
        !fields.TryGetValue(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;
}
