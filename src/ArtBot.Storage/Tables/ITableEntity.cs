using System.Diagnostics.CodeAnalysis;
using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>
/// An entity stored in a table: its keys plus the service-maintained Timestamp and ETag. Its other public properties are
/// its columns, read by reflection: a trimmed app (native AOT) keeps them for every implementing type.
/// </summary>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
