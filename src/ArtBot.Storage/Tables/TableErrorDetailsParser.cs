using System.Text.Json;
using Azure;
using Azure.Core;

namespace ArtBot.Storage.Tables;

/// <summary>
/// Reads the error code from <c>x-ms-error-code</c> (or the OData body) and the message from
/// <c>{"odata.error":{"code":..,"message":{"value":..}}}</c>, so RequestFailedException.ErrorCode is set.
/// </summary>
internal sealed class TableErrorDetailsParser : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (bodyCode, message) = ReadODataError(response.Content);
        var code = headerCode ?? bodyCode;
        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    internal static (string? Code, string? Message) ReadODataError(BinaryData? content)
    {
        if (content is null || content.ToMemory().Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(content.ToMemory());
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("odata.error", out var err) || err.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = err.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            string? message = null;
            if (err.TryGetProperty("message", out var m))
            {
                message = m.ValueKind switch
                {
                    JsonValueKind.String => m.GetString(),
                    JsonValueKind.Object when m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
                    _ => null,
                };
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
