using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using ArtBot.Storage.Tables;
using Azure;

namespace ArtBot.UnitTests.Storage;

public sealed class TableEntitySerializerTests
{
    public enum Mood
    {
        Calm,
        Happy,
    }

    [Fact]
    public void TypedEntityIsWrittenWithTheExactWireAnnotations()
    {
        var entity = new Sample
        {
            PartitionKey = "p'1",
            RowKey = "r",
            Timestamp = DateTimeOffset.UnixEpoch,
            ETag = new ETag("W/\"x\""),
            Text = "hi",
            Count = 3,
            Big = 9_007_199_254_740_993,
            Ratio = 2.0,
            Flag = true,
            When = new DateTimeOffset(2024, 5, 6, 9, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567),
            WhenUtc = new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Bytes = [1, 2, 255],
            Mood = Mood.Happy,
            Maybe = null,
            MaybeBig = -1,
            Skipped = "no",
        };

        var json = Encoding.UTF8.GetString(TableEntitySerializer.Serialize(entity));

        Assert.Equal(
            ("{'PartitionKey':'p\\u00271','RowKey':'r','Text':'hi','Count':3,'Big@odata.type':'Edm.Int64','Big':'9007199254740993',"
            + "'Ratio@odata.type':'Edm.Double','Ratio':2,'Flag':true,'When@odata.type':'Edm.DateTime','When':'2024-05-06T07:08:09.1234567Z',"
            + "'WhenUtc@odata.type':'Edm.DateTime','WhenUtc':'2023-01-02T03:04:05.0000000Z',"
            + "'Id@odata.type':'Edm.Guid','Id':'0f8fad5b-d9cb-469f-a165-70867728950e','Bytes@odata.type':'Edm.Binary','Bytes':'AQL/',"
            + "'Mood':'Happy','MaybeBig@odata.type':'Edm.Int64','MaybeBig':'-1'}").Replace('\'', '"'),
            json);
    }

    [Fact]
    public void SpecialDoublesAreStrings()
    {
        var json = Encoding.UTF8.GetString(TableEntitySerializer.Serialize(
            new TableEntity("p", "r") { ["N"] = double.NaN, ["P"] = double.PositiveInfinity, ["M"] = double.NegativeInfinity }));
        Assert.Contains("\"N@odata.type\":\"Edm.Double\",\"N\":\"NaN\"", json, StringComparison.Ordinal);
        Assert.Contains("\"P\":\"Infinity\"", json, StringComparison.Ordinal);
        Assert.Contains("\"M\":\"-Infinity\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DynamicEntitySkipsTimestampETagAndNulls()
    {
        var entity = new TableEntity("p", "r") { ["A"] = 1, ["B"] = null, ["L"] = 5L };
        entity.Timestamp = DateTimeOffset.UnixEpoch;
        entity.ETag = new ETag("W/\"x\"");
        var json = Encoding.UTF8.GetString(TableEntitySerializer.Serialize(entity));
        Assert.Equal("""{"PartitionKey":"p","RowKey":"r","A":1,"L@odata.type":"Edm.Int64","L":"5"}""", json);
    }

    [Fact]
    public void TypedEntityIsReadFromServiceJson()
    {
        const string json = """
            {"odata.etag":"W/\"datetime'2024-01-01T00%3A00%3A00.0000000Z'\"","PartitionKey":"p","RowKey":"r",
             "Timestamp":"2024-01-01T00:00:00.1234567Z","Text":"hi","Count":3,
             "Big@odata.type":"Edm.Int64","Big":"9007199254740993","Ratio":2.0,"Flag":true,
             "When@odata.type":"Edm.DateTime","When":"2024-05-06T07:08:09.1234567Z",
             "WhenUtc@odata.type":"Edm.DateTime","WhenUtc":"2023-01-02T03:04:05.0000000Z",
             "Id@odata.type":"Edm.Guid","Id":"0f8fad5b-d9cb-469f-a165-70867728950e",
             "Bytes@odata.type":"Edm.Binary","Bytes":"AQL/","Mood":"Happy","Unknown":"ignored","MaybeBig@odata.type":"Edm.Int64","MaybeBig":"-1"}
            """;
        using var doc = JsonDocument.Parse(json);
        var e = TableEntitySerializer.Deserialize<Sample>(doc.RootElement);

        Assert.Equal("W/\"datetime'2024-01-01T00%3A00%3A00.0000000Z'\"", e.ETag.ToString());
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), e.Timestamp);
        Assert.Equal(9_007_199_254_740_993, e.Big);
        Assert.Equal(2.0, e.Ratio);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567), e.When);
        Assert.Equal(DateTimeKind.Utc, e.WhenUtc.Kind);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), e.Id);
        Assert.Equal(new byte[] { 1, 2, 255 }, e.Bytes);
        Assert.Equal(Mood.Happy, e.Mood);
        Assert.Null(e.Maybe);
        Assert.Equal(-1, e.MaybeBig);
    }

    [Fact]
    public void DynamicEntityGetsClrTypesFromAnnotations()
    {
        const string json = """
            {"odata.etag":"W/\"1\"","PartitionKey":"p","RowKey":"r","Timestamp":"2024-01-01T00:00:00Z",
             "I":5,"D":2.0,"F":0.5,"L@odata.type":"Edm.Int64","L":"7","N@odata.type":"Edm.Double","N":"NaN",
             "G@odata.type":"Edm.Guid","G":"0f8fad5b-d9cb-469f-a165-70867728950e","B@odata.type":"Edm.Binary","B":"AQ==",
             "T@odata.type":"Edm.DateTime","T":"2024-01-01T00:00:00.5Z","S":"x","Y":false}
            """;
        using var doc = JsonDocument.Parse(json);
        var e = TableEntitySerializer.Deserialize<TableEntity>(doc.RootElement);

        Assert.IsType<int>(e["I"]);
        Assert.IsType<double>(e["D"]);
        Assert.Equal(7L, e.GetInt64("L"));
        Assert.True(double.IsNaN(e.GetDouble("N")!.Value));
        Assert.Equal(5.0, e.GetDouble("I"));
        Assert.IsType<Guid>(e["G"]);
        Assert.Equal(new byte[] { 1 }, e.GetBinary("B"));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, 500, TimeSpan.Zero), e.GetDateTimeOffset("T"));
        Assert.Equal(DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), e.Timestamp);
        Assert.Equal("W/\"1\"", e.ETag.ToString());
        Assert.False(e.GetBoolean("Y"));
        Assert.Equal("x", e.GetString("S"));
        Assert.False(e.ContainsKey("L@odata.type"));
        Assert.Throws<InvalidOperationException>(() => e.GetGuid("S"));
        Assert.Null(e.GetString("Missing"));
    }

    [Fact]
    public void WrongWireTypeNamesTheProperty()
    {
        using var doc = JsonDocument.Parse("""{"PartitionKey":"p","RowKey":"r","Id":"not-a-guid"}""");
        var e = Assert.Throws<InvalidOperationException>(() => TableEntitySerializer.Deserialize<Sample>(doc.RootElement));
        Assert.Contains("'Id'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedPropertyTypesFailFastWithAHint()
    {
        var e = Assert.Throws<NotSupportedException>(() => TableEntitySerializer.Serialize(new Unsupported { PartitionKey = "p", RowKey = "r" }));
        Assert.Contains("Tags", e.Message, StringComparison.Ordinal);
        Assert.Contains("IgnoreDataMember", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyMapIsCachedPerType() =>
        Assert.Same(EntityTypeMap.For(typeof(Sample)), EntityTypeMap.For(typeof(Sample)));

    public sealed class Sample : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string? Text { get; set; }

        public int Count { get; set; }

        public long Big { get; set; }

        public double Ratio { get; set; }

        public bool Flag { get; set; }

        public DateTimeOffset When { get; set; }

        public DateTime WhenUtc { get; set; }

        public Guid Id { get; set; }

        public byte[]? Bytes { get; set; }

        public Mood Mood { get; set; }

        public int? Maybe { get; set; }

        public long? MaybeBig { get; set; }

        [IgnoreDataMember]
        public string? Skipped { get; set; }

        public string Computed => Text + "!";
    }

    public sealed class Unsupported : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public IList<string>? Tags { get; set; }
    }
}
