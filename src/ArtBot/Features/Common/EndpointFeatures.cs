namespace ArtBot.Features.Common;

/// <summary>Applies every registered <see cref="IEndpointFeature"/>: its middleware for its own paths, then its endpoints.</summary>
public static class EndpointFeatures
{
    /// <summary>Each feature's middleware, run only for requests under that feature's paths.</summary>
    public static IApplicationBuilder UseEndpointFeatures(this IApplicationBuilder app)
    {
        foreach (var feature in app.ApplicationServices.GetServices<IEndpointFeature>())
        {
            var paths = feature.Paths;
            app.UseWhen(http => Owns(paths, http.Request.Path), feature.UseMiddleware);
        }

        return app;
    }

    /// <summary>Every feature's endpoints.</summary>
    public static IEndpointRouteBuilder MapEndpointFeatures(this IEndpointRouteBuilder endpoints)
    {
        foreach (var feature in endpoints.ServiceProvider.GetServices<IEndpointFeature>())
        {
            feature.MapEndpoints(endpoints);
        }

        return endpoints;
    }

    /// <summary>True when <paramref name="path"/> is one of <paramref name="paths"/> or below it (whole segments, any case).</summary>
    public static bool Owns(IReadOnlyList<PathString> paths, PathString path)
    {
        foreach (var owned in paths)
        {
            if (path.StartsWithSegments(owned, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
