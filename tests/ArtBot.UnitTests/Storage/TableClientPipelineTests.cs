using System.Net;
using System.Security.Cryptography;
using System.Text;
using ArtBot.Storage.Tables;
using Azure;

namespace ArtBot.UnitTests.Storage;

public sealed class TableClientPipelineTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void StringToSignIsDateAndCanonicalizedResource()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/votes(PartitionKey='a',RowKey='b')?$select=X&NextPartitionKey=1");
        Assert.Equal(
            "Mon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/votes(PartitionKey='a',RowKey='b')",
            TableSharedKeyPolicy.BuildStringToSign("Mon, 01 Jan 2024 00:00:00 GMT", "devstoreaccount1", uri));
        Assert.EndsWith(
            "/acct/?comp=properties",
            TableSharedKeyPolicy.BuildStringToSign("d", "acct", new Uri("https://acct.table.core.windows.net/?restype=service&comp=properties")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAttemptIsSignedWithSharedKeyLiteAndCarriesTheProtocolHeaders()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "{}")
            .Respond(HttpStatusCode.NoContent, string.Empty, "application/json", ("ETag", "W/\"2\""));

        var response = await handler.CreateClient().UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });

        Assert.Equal(204, response.Status);
        Assert.Equal(2, handler.Requests.Count);
        foreach (var (request, body) in handler.Requests)
        {
            Assert.Equal("PATCH", request.Method.Method);
            var date = string.Join(",", request.Headers.GetValues("x-ms-date"));
            var expected = Convert.ToBase64String(HMACSHA256.HashData(
                Convert.FromBase64String(DevKey),
                Encoding.UTF8.GetBytes($"{date}\n/devstoreaccount1/devstoreaccount1/votes(PartitionKey='p',RowKey='r')")));
            Assert.Equal($"SharedKeyLite devstoreaccount1:{expected}", request.Headers.Authorization!.ToString());
            Assert.Equal("application/json;odata=minimalmetadata", string.Join(",", request.Headers.GetValues("Accept")).Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.Equal("3.0", string.Join(",", request.Headers.GetValues("DataServiceVersion")));
            Assert.True(request.Headers.Contains("x-ms-version"));
            Assert.False(request.Headers.Contains("If-Match"));
            Assert.Equal("""{"PartitionKey":"p","RowKey":"r","N":1}""", body);
        }
    }

    [Fact]
    public async Task ErrorCodeHeaderAndODataMessageSurfaceInTheException()
    {
        var handler = new StubHandler().Respond(
            HttpStatusCode.PreconditionFailed,
            """{"odata.error":{"code":"UpdateConditionNotSatisfied","message":{"lang":"en-US","value":"The update condition specified in the request was not satisfied."}}}""",
            "application/json",
            ("x-ms-error-code", "UpdateConditionNotSatisfied"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(
            () => handler.CreateClient().UpdateEntityAsync(new TableEntity("p", "r"), new ETag("W/\"old\"")));

        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.Contains("update condition", e.Message, StringComparison.Ordinal);
        Assert.Equal("W/\"old\"", string.Join(",", handler.Requests[0].Request.Headers.GetValues("If-Match")));
        Assert.Equal("PUT", (await SendReplaceAsync()).Method.Method);
    }

    [Fact]
    public async Task UpdateWithoutAnETagIsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new StubHandler().CreateClient().UpdateEntityAsync(new TableEntity("p", "r"), default));

    [Fact]
    public async Task QueryPassesFilterTopSelectAndContinuationAndFollowsTokens()
    {
        var handler = new StubHandler()
            .Respond(HttpStatusCode.OK, """{"value":[{"PartitionKey":"p","RowKey":"1"}]}""", "application/json",
                ("x-ms-continuation-NextPartitionKey", "1!4!cA--"), ("x-ms-continuation-NextRowKey", "1!4!Mg--"))
            .Respond(HttpStatusCode.OK, """{"value":[{"PartitionKey":"p","RowKey":"2"}]}""");

        var rows = new List<string>();
        await foreach (var e in handler.CreateClient().QueryAsync<TableEntity>("PartitionKey eq 'p'", maxPerPage: 1, select: ["A", "B"]))
        {
            rows.Add(e.RowKey);
        }

        Assert.Equal(["1", "2"], rows);
        var first = Uri.UnescapeDataString(handler.Requests[0].Request.RequestUri!.Query);
        Assert.Equal("?$filter=PartitionKey eq 'p'&$top=1&$select=A,B", first);
        var second = Uri.UnescapeDataString(handler.Requests[1].Request.RequestUri!.Query);
        Assert.EndsWith("&NextPartitionKey=1!4!cA--&NextRowKey=1!4!Mg--", second, StringComparison.Ordinal);
        Assert.Equal("/devstoreaccount1/votes()", handler.Requests[0].Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void OptionsLogTheErrorCodeHeader() =>
        Assert.Contains("x-ms-error-code", new TableClientOptions().Diagnostics.LoggedHeaderNames);

    [Fact]
    public async Task CreateIfNotExistsTreatsTableAlreadyExistsAsSuccess()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.Conflict, "{}", "application/json", ("x-ms-error-code", "TableAlreadyExists"));
        var result = await handler.CreateClient().CreateIfNotExistsAsync();
        Assert.Equal("votes", result.Value.Name);
        Assert.Equal("""{"TableName":"votes"}""", handler.Requests[0].Body);
    }

    private static async Task<HttpRequestMessage> SendReplaceAsync()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.NoContent);
        await handler.CreateClient().UpdateEntityAsync(new TableEntity("p", "r"), ETag.All, TableUpdateMode.Replace);
        var request = handler.Requests[0].Request;
        Assert.Equal("*", string.Join(",", request.Headers.GetValues("If-Match")));
        return request;
    }
}
