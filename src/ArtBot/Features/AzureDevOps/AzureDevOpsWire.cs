using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.Features.AzureDevOps;

/// <summary>Body of <c>POST {org}/{project}/_apis/wit/wiql</c>.</summary>
internal sealed record WiqlRequest([property: JsonPropertyName("query")] string Query);

/// <summary>The WorkItemQueryResult of a flat query: the ids it found (the fields are read with a batch).</summary>
internal sealed record WiqlResult([property: JsonPropertyName("workItems")] List<WorkItemReference>? WorkItems);

internal sealed record WorkItemReference([property: JsonPropertyName("id")] int Id);

/// <summary>Body of <c>POST {org}/_apis/wit/workitemsbatch</c> (at most 200 ids).</summary>
internal sealed record WorkItemBatchRequest(
    [property: JsonPropertyName("ids")] IReadOnlyList<int> Ids,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("errorPolicy")] string ErrorPolicy);

/// <summary>The batch's answer: one entry per id asked, null where the item is gone or not readable (errorPolicy omit).</summary>
internal sealed record WorkItemList([property: JsonPropertyName("value")] List<WorkItemWire?>? Value);

internal sealed record WorkItemWire(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("rev")] int Rev,
    [property: JsonPropertyName("fields")] Dictionary<string, JsonElement>? Fields,
    [property: JsonPropertyName("_links")] WorkItemLinks? Links);

internal sealed record WorkItemLinks([property: JsonPropertyName("html")] WorkItemLink? Html);

internal sealed record WorkItemLink([property: JsonPropertyName("href")] string? Href);

[JsonSerializable(typeof(WiqlRequest))]
[JsonSerializable(typeof(WiqlResult))]
[JsonSerializable(typeof(WorkItemBatchRequest))]
[JsonSerializable(typeof(WorkItemList))]
internal sealed partial class AzureDevOpsJsonContext : JsonSerializerContext;
