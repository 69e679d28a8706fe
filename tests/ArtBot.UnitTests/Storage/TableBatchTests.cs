using System.Net;
using ArtBot.Storage.Tables;
using Azure;

namespace ArtBot.UnitTests.Storage;

public sealed class TableBatchTests
{
    private const string TableUrl = "http://127.0.0.1:10002/devstoreaccount1/votes";

    [Fact]
    public void BodyHasOneChangesetWithOnePartPerAction()
    {
        var actions = TableBatchRequest.Validate(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a") { ["N"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "b'1"), new ETag("W/\"e\"")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "c")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "d")),
        ]);

        var body = TableBatchRequest.BuildBody(TableUrl, actions, "batch_B", "changeset_C");

        var expected =
            "--batch_B\r\nContent-Type: multipart/mixed; boundary=changeset_C\r\n\r\n"
            + "--changeset_C\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + $"POST {TableUrl} HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n"
            + "Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n"
            + "{\"PartitionKey\":\"p\",\"RowKey\":\"a\",\"N\":1}\r\n"
            + "--changeset_C\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + $"MERGE {TableUrl}(PartitionKey='p',RowKey='b%27%271') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n"
            + "If-Match: W/\"e\"\r\nContent-Type: application/json\r\n\r\n"
            + "{\"PartitionKey\":\"p\",\"RowKey\":\"b\\u00271\"}\r\n"
            + "--changeset_C\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + $"DELETE {TableUrl}(PartitionKey='p',RowKey='c') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n"
            + "If-Match: *\r\n\r\n"
            + "--changeset_C\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + $"PUT {TableUrl}(PartitionKey='p',RowKey='d') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + "{\"PartitionKey\":\"p\",\"RowKey\":\"d\"}\r\n"
            + "--changeset_C--\r\n--batch_B--\r\n";
        Assert.Equal(expected, body);
    }

    [Fact]
    public void HundredActionsPassAndHundredAndOneFail()
    {
        Assert.Equal(100, TableBatchRequest.Validate(Actions(100)).Count);
        var e = Assert.Throws<ArgumentException>(() => TableBatchRequest.Validate(Actions(101)));
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyTransactionIsRejected() => Assert.Throws<ArgumentException>(() => TableBatchRequest.Validate([]));

    [Fact]
    public void SecondPartitionIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => TableBatchRequest.Validate(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("q", "b")),
        ]));
        Assert.Contains("PartitionKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedRowKeyIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => TableBatchRequest.Validate(
        [
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "a")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "a")),
        ]));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessfulBatchResponseIsParsedIntoOneResponsePerAction()
    {
        var body =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\nDataServiceVersion: 1.0;\r\nETag: W/\"datetime'2024-01-01T00%3A00%3A00Z'\"\r\n\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\nDataServiceVersion: 1.0;\r\n\r\n\r\n"
            + "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var items = MultipartResponseParser.Parse("multipart/mixed; boundary=batchresponse_1", body);

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(204, i.Status));
        Assert.Equal("W/\"datetime'2024-01-01T00%3A00%3A00Z'\"", items[0].Headers.ETag.ToString());
    }

    [Fact]
    public async Task FailedChangesetThrowsWithTheFailingIndexAndCode()
    {
        var body =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 409 Conflict\r\nX-Content-Type-Options: nosniff\r\nDataServiceVersion: 3.0;\r\n"
            + "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n"
            + "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:x\"}}}\r\n"
            + "--changesetresponse_2--\r\n--batchresponse_1--\r\n";
        var handler = new StubHandler().Respond(HttpStatusCode.Accepted, body, "multipart/mixed; boundary=batchresponse_1");

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => handler.CreateClient().SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
        ]));

        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.Equal(1, e.FailedTransactionActionIndex);
        Assert.Equal("b", e.FailedTransactionAction?.Entity.RowKey);
        Assert.Contains("The specified entity already exists.", e.Message, StringComparison.Ordinal);

        var (request, sent) = Assert.Single(handler.Requests);
        Assert.Equal("/devstoreaccount1/$batch", request.RequestUri!.AbsolutePath);
        Assert.StartsWith("multipart/mixed; boundary=batch_", request.Content!.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("POST http://127.0.0.1:10002/devstoreaccount1/votes HTTP/1.1", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuccessfulTransactionReturnsTheInnerResponses()
    {
        var body =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\nETag: W/\"1\"\r\n\r\n\r\n"
            + "--changesetresponse_2--\r\n--batchresponse_1--\r\n";
        var handler = new StubHandler().Respond(HttpStatusCode.Accepted, body, "multipart/mixed; boundary=batchresponse_1");

        var result = await handler.CreateClient().SubmitTransactionAsync([new(TableTransactionActionType.Delete, new TableEntity("p", "a"))]);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal("W/\"1\"", Assert.Single(result.Value).Headers.ETag.ToString());
    }

    private static IEnumerable<TableTransactionAction> Actions(int count) =>
        Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")));
}
