using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>An entity stored in a table: its keys plus the service-maintained Timestamp and ETag.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
