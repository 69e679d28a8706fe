using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Demos;

/// <summary>
/// A System Demo row in the <c>planning</c> table (a demo, a team's part, feedback, an integration problem): PK
/// tenant|ART, RK <c>{kind}-{id}</c>, the record as JSON in <see cref="Data"/> (read whole, never queried by field).
/// </summary>
public sealed class DemoEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Pi { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Data { get; set; } = "{}";
}
