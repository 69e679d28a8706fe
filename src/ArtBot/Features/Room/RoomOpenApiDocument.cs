using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtBot.Features.Room;

/// <summary>
/// The ART room API's OpenAPI document as JSON, made once: the endpoints do not change while the app runs, and anyone may
/// ask for it. No servers in it (the page asks its own origin), like the file the build writes.
/// </summary>
public sealed class RoomOpenApiDocument([FromKeyedServices(RoomOpenApi.Document)] IOpenApiDocumentProvider documents)
{
    // Made without the first caller's cancellation, so that a caller that gives up does not spoil it for the others.
    private readonly Lazy<Task<string>> _json = new(async () =>
    {
        var document = await documents.GetOpenApiDocumentAsync(CancellationToken.None);
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None);
    });

    public Task<string> JsonAsync() => _json.Value;
}
