using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>A response that may hold no value (entity not found).</summary>
internal sealed class TableNullableResponse<T>(T? value, Response rawResponse) : NullableResponse<T>
{
    public override bool HasValue => value is not null;

    public override T? Value => value;

    public override Response GetRawResponse() => rawResponse;
}
