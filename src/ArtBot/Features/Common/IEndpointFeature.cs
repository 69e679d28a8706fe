namespace ArtBot.Features.Common;

/// <summary>
/// One area's HTTP surface (pages, an API): the path prefixes it owns, the middleware that runs for those paths only,
/// and its endpoints. The area's <c>Add&lt;Area&gt;()</c> registers it with <c>AddEndpointFeature&lt;T&gt;()</c>;
/// Program.cs applies every feature's middleware (scoped to its paths) and maps every feature's endpoints.
/// </summary>
public interface IEndpointFeature
{
    /// <summary>The path prefixes (whole segments) this feature owns, e.g. <c>/room</c> and <c>/api/room</c>.</summary>
    IReadOnlyList<PathString> Paths { get; }

    /// <summary>Middleware for <see cref="Paths"/> only (Program.cs scopes it); nothing by default.</summary>
    void UseMiddleware(IApplicationBuilder paths)
    {
    }

    /// <summary>Maps the feature's endpoints (under its <see cref="Paths"/>).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
