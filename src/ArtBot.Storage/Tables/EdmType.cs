namespace ArtBot.Storage.Tables;

/// <summary>The wire (EDM) kind of a mapped property.</summary>
internal enum EdmType
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    DateTime,
    Guid,
    Binary,
    Enum,
}
