using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Features.AzureDevOps;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.UnitTests.AzureDevOps;

public sealed class AzureDevOpsClientTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingHandler _handler = new();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "AzureDevOps", name));

    private AzureDevOpsClient Client(AzureDevOpsCredential? credential = null) => new(
        new Factory(_handler),
        new AzureDevOpsIdentity(credential ?? new AzureDevOpsCredential(_time)),
        Options.Create(new AzureDevOpsOptions { RiskReductionField = "Custom.RROEValue" }),
        _time);

    [Fact]
    public async Task The_query_asks_for_the_features_under_the_area_path_with_the_bots_token_for_the_arts_tenant()
    {
        var credential = new AzureDevOpsCredential(_time);
        _handler.Respond(HttpStatusCode.OK, Fixture("wiql-flat.json"));

        var answer = await Client(credential).QueryFeaturesAsync("tenant-1", "fabrikam", "Fabrikam Fiber", @"Fabrikam Fiber\Payments ART", @"Fabrikam Fiber\PI 2027'1", default);

        Assert.Equal([300, 301], answer.Value);
        var request = _handler.Last;
        Assert.Equal("https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_apis/wit/wiql?$top=500&api-version=7.1", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + AzureDevOpsCredential.Token, request.Authorization);
        var query = JsonNode.Parse(request.Body!)!["query"]!.GetValue<string>();
        Assert.Contains("[System.WorkItemType] = 'Feature'", query, StringComparison.Ordinal);
        Assert.Contains(@"[System.AreaPath] UNDER 'Fabrikam Fiber\Payments ART'", query, StringComparison.Ordinal);
        Assert.Contains(@"[System.IterationPath] UNDER 'Fabrikam Fiber\PI 2027''1'", query, StringComparison.Ordinal);
        Assert.Equal([("499b84ac-1321-427f-aa17-267ca6975798/.default", "tenant-1")], credential.Requests);
    }

    [Fact]
    public async Task A_batch_reads_the_fields_and_leaves_out_what_is_gone()
    {
        var batch = JsonNode.Parse(Fixture("workitemsbatch.json"))!.AsObject();
        batch["value"]!.AsArray().Add(null);
        _handler.Respond(HttpStatusCode.OK, batch.ToJsonString());

        var answer = await Client().ReadAsync("tenant-1", "fabrikam", [300, 301, 42, 999], default);

        Assert.Equal([300, 301, 42], answer.Value!.Select(i => i.Id));
        var first = answer.Value![0];
        Assert.Equal((4, "One-click checkout", "New", 8.0, 5.0, 3.0, 13.0), (first.Revision, first.Title, first.State, first.BusinessValue, first.TimeCriticality, first.RiskReduction, first.Effort));
        Assert.Equal("https://dev.azure.com/fabrikam/Fabrikam-Fiber-Git/_workitems/edit/300", first.Url.AbsoluteUri);
        var body = JsonNode.Parse(_handler.Last.Body!)!;
        Assert.Equal("https://dev.azure.com/fabrikam/_apis/wit/workitemsbatch?api-version=7.1", _handler.Last.Uri.AbsoluteUri);
        Assert.Equal("omit", body["errorPolicy"]!.GetValue<string>());
        Assert.Contains("Microsoft.VSTS.Common.TimeCriticality", body["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("Custom.RROEValue", body["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task A_retry_after_comes_back_to_the_caller_on_a_429_and_on_a_200()
    {
        _handler.Respond(HttpStatusCode.TooManyRequests, Fixture("error-429.json"), r =>
        {
            r.Headers.Add("Retry-After", "120");
            r.Headers.Add("X-RateLimit-Resource", "WorkItemTracking/WorkItemTrackingResource");
            r.Headers.Add("X-RateLimit-Remaining", "0");
        });
        _handler.Respond(HttpStatusCode.OK, Fixture("wiql-flat.json"), r => r.Headers.Add("Retry-After", "30"));

        var throttled = await Client().QueryFeaturesAsync("tenant-1", "fabrikam", "Fabrikam", "Fabrikam", null, default);
        var delayed = await Client().QueryFeaturesAsync("tenant-1", "fabrikam", "Fabrikam", "Fabrikam", null, default);

        Assert.Equal((false, 429, TimeSpan.FromSeconds(120)), (throttled.IsSuccess, throttled.Status, throttled.RetryAfter));
        Assert.Equal((true, 200, TimeSpan.FromSeconds(30)), (delayed.IsSuccess, delayed.Status, delayed.RetryAfter));
    }

    [Fact]
    public async Task Without_an_identity_or_with_the_sign_in_page_nothing_is_read()
    {
        var none = await new AzureDevOpsClient(new Factory(_handler), new AzureDevOpsIdentity(null), Options.Create(new AzureDevOpsOptions()), _time)
            .QueryFeaturesAsync("tenant-1", "fabrikam", "Fabrikam", "Fabrikam", null, default);
        Assert.Equal((AzureDevOpsAnswer.NoToken, 0), (none.Status, _handler.Count));

        _handler.Respond(HttpStatusCode.NonAuthoritativeInformation, null, r => r.Content = new StringContent("<html>Sign in</html>", System.Text.Encoding.UTF8, "text/html"));
        var signIn = await Client().QueryFeaturesAsync("tenant-1", "fabrikam", "Fabrikam", "Fabrikam", null, default);
        Assert.Equal((false, 401), (signIn.IsSuccess, signIn.Status));
    }

    public void Dispose() => _handler.Dispose();

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
