using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArtBot.IntegrationTests.AzureDevOps;

/// <summary>
/// Azure DevOps on a loopback port: the WIQL query and the work items batch of one organization, answered from the
/// documented payloads in Fixtures/AzureDevOps (the query's ids and the items changeable by the test), with the
/// bot's token required and scripted failures (status, Retry-After) for the next calls.
/// </summary>
internal sealed class AzureDevOpsStandIn : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly List<string> _requests = [];
    private readonly Queue<(int Status, string? RetryAfter, string? Fixture)> _failures = new();
    private readonly Dictionary<int, JsonObject> _items;
    private List<int> _query;

    private AzureDevOpsStandIn()
    {
        _items = Fixture("workitemsbatch.json")["value"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => i["id"]!.GetValue<int>(), i => (JsonObject)i.DeepClone());
        _query = [.. Fixture("wiql-flat.json")["workItems"]!.AsArray().Select(i => i!["id"]!.GetValue<int>())];
        _app = LoopbackServer.Create();
        _app.MapPost("/{organization}/{project}/_apis/wit/wiql", (HttpContext context, string organization) => AnswerAsync(context, organization, _ => Wiql()));
        _app.MapPost("/{organization}/_apis/wit/workitemsbatch", (HttpContext context, string organization) => AnswerAsync(context, organization, Batch));
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The organization it serves: one per test, as the organizations' Retry-After is shared in storage.</summary>
    public string Organization { get; } = "fabrikam" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The paths called, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>A Retry-After every successful answer carries (Azure DevOps delays before it blocks).</summary>
    public string? RetryAfterOnSuccess { get; set; }

    public static async Task<AzureDevOpsStandIn> StartAsync()
    {
        var standIn = new AzureDevOpsStandIn();
        standIn.BaseUrl = (await LoopbackServer.StartAsync(standIn._app)).TrimEnd('/');
        return standIn;
    }

    /// <summary>The ids the area path query finds from now on.</summary>
    public void SetQuery(params int[] ids)
    {
        lock (_gate)
        {
            _query = [.. ids];
        }
    }

    /// <summary>Changes a work item as a person would in Azure DevOps: the field, and the revision up by one.</summary>
    public void Change(int id, string field, string value)
    {
        lock (_gate)
        {
            var item = _items[id];
            item["fields"]![field] = value;
            item["rev"] = item["rev"]!.GetValue<int>() + 1;
        }
    }

    /// <summary>The next call answers <paramref name="status"/> (with the fixture's body and the Retry-After, when given).</summary>
    public void FailNext(int status, string? retryAfter = null, string? fixture = null)
    {
        lock (_gate)
        {
            _failures.Enqueue((status, retryAfter, fixture));
        }
    }

    private async Task<IResult> AnswerAsync(HttpContext context, string organization, Func<JsonObject, JsonNode> answer)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        (int Status, string? RetryAfter, string? Fixture) failure = default;
        lock (_gate)
        {
            _requests.Add(context.Request.Path + context.Request.QueryString);
            _failures.TryDequeue(out failure);
        }

        if (context.Request.Headers.Authorization != "Bearer " + AzureDevOpsCredential.Token || organization != Organization)
        {
            return Results.StatusCode(organization != Organization ? 404 : 401);
        }

        if (failure.Status != 0)
        {
            if (failure.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = wait;
                context.Response.Headers["X-RateLimit-Resource"] = "WorkItemTracking/WorkItemTrackingResource";
            }

            return failure.Fixture is { } name
                ? Results.Content(Fixture(name).ToJsonString(), "application/json", statusCode: failure.Status)
                : Results.StatusCode(failure.Status);
        }

        if (RetryAfterOnSuccess is { } delay)
        {
            context.Response.Headers.RetryAfter = delay;
        }

        JsonNode result;
        lock (_gate)
        {
            result = answer(body);
        }

        return Results.Content(result.ToJsonString(), "application/json; charset=utf-8", statusCode: (int)HttpStatusCode.OK);
    }

    private JsonObject Wiql()
    {
        var result = Fixture("wiql-flat.json");
        result["workItems"] = new JsonArray([.. _query.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["url"] = $"https://dev.azure.com/fabrikam/_apis/wit/workItems/{id}" })]);
        return result;
    }

    private JsonObject Batch(JsonObject request)
    {
        var ids = request["ids"]!.AsArray().Select(i => i!.GetValue<int>()).ToList();
        Assert.True(ids.Count <= 200, "Azure DevOps reads at most 200 work items per batch.");
        Assert.Equal("omit", request["errorPolicy"]?.GetValue<string>());
        var value = new JsonArray([.. ids.Select(id => _items.TryGetValue(id, out var item) ? item.DeepClone() : null)]);
        return new JsonObject { ["count"] = ids.Count, ["value"] = value };
    }

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "AzureDevOps", name)))!.AsObject();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
