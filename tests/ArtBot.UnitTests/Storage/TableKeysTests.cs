using System.Net;
using ArtBot.Storage.Tables;

namespace ArtBot.UnitTests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\tb", "U+0009")]
    [InlineData("a\u007fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    public void ForbiddenCharactersAreRejectedWithAClearMessage(string key, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => TableKeys.Validate(key, "RowKey"));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains("RowKey", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("it's 100%")]
    [InlineData("a:b@c;d=e&f+g")]
    [InlineData("29:1abc-user.id")]
    [InlineData("19:abc@thread.tacv2")]
    public void LegalKeysPass(string key) => TableKeys.Validate(key, "PartitionKey");

    [Fact]
    public void LengthIsLimitedTo1KiB()
    {
        TableKeys.Validate(new string('a', 512), "RowKey");
        var e = Assert.Throws<ArgumentException>(() => TableKeys.Validate(new string('a', 513), "RowKey"));
        Assert.Contains("513", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullKeyIsRejected() => Assert.Throws<ArgumentNullException>(() => TableKeys.Validate(null, "RowKey"));

    [Fact]
    public void EntityPathDoublesQuotesThenPercentEncodes() =>
        Assert.Equal("(PartitionKey='it%27%27s%20100%25',RowKey='a%3Ab%40c%3Bd')", TableKeys.EntityPath("it's 100%", "a:b@c;d"));

    [Fact]
    public async Task InvalidKeysNeverReachTheWire()
    {
        var handler = new StubHandler();
        var table = handler.CreateClient();
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "a/b")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p#", "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r?"));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync("p\\", "r"));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task KeysWithQuotesAndPercentAreEscapedInTheRequestUri()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.NoContent);
        await handler.CreateClient().DeleteEntityAsync("it's", "100%");
        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("/devstoreaccount1/votes(PartitionKey='it%27%27s',RowKey='100%25')", request.RequestUri!.AbsolutePath);
        Assert.Equal("*", string.Join(",", request.Headers.GetValues("If-Match")));
    }
}
