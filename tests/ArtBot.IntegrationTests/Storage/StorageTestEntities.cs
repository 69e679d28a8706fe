using System.Runtime.Serialization;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.IntegrationTests.Storage;

public enum Colour
{
    Red,
    Green,
    Blue,
}

/// <summary>Every property type the client maps, plus nullables and an ignored property.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int IntValue { get; set; }

    public long LongValue { get; set; }

    public double DoubleValue { get; set; }

    public bool Bool { get; set; }

    public DateTimeOffset When { get; set; }

    public DateTime WhenUtc { get; set; }

    public Guid Id { get; set; }

    public byte[]? Bytes { get; set; }

    public Colour Colour { get; set; }

    public int? NullableInt { get; set; }

    public long? NullableLong { get; set; }

    public double? NullableDouble { get; set; }

    public bool? NullableBool { get; set; }

    public DateTimeOffset? NullableWhen { get; set; }

    public Guid? NullableId { get; set; }

    public Colour? NullableColour { get; set; }

    [IgnoreDataMember]
    public string? NotStored { get; set; }
}

public sealed class NoteEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int Count { get; set; }
}
