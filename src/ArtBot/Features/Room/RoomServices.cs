using ArtBot.Domain.Text;
using Microsoft.Extensions.FileProviders;

namespace ArtBot.Features.Room;

/// <summary>Registers the ART room: its sign-in, access checks, views, and the tab's pages.</summary>
public static class RoomServices
{
    public static IServiceCollection AddArtRoom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoomOptions>().Bind(configuration.GetSection(RoomOptions.Section));
        services.AddMemoryCache();
        services.AddRoomAuthentication();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<RoomViews>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RoomJsonContext.Default));
        return services;
    }

    /// <summary>The tab's pages (<c>/room/...</c>) and its API (<c>/api/room/...</c>): where <see cref="UseArtRoom"/> applies.</summary>
    public static bool IsRoomRequest(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/room", StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.StartsWithSegments("/api/room", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The room's own middleware, for its paths only (Program.cs scopes it): the pages framable by Teams only and served
    /// from <c>room/</c>, and the API's texts in the language the tab's browser asks for. Sign-in is the API endpoints'
    /// policy (<see cref="RoomEndpoints.MapArtRoom"/>).
    /// </summary>
    public static IApplicationBuilder UseArtRoom(this IApplicationBuilder room)
    {
        room.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/room", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.ContentSecurityPolicy = RoomEndpoints.FrameAncestors;
                http.Response.Headers.XContentTypeOptions = "nosniff";
            }

            await next(http);
        });
        // The pages are built next to the app (ArtBot.csproj, target BuildRoom), not in wwwroot.
        var folder = Path.Combine(AppContext.BaseDirectory, "room");
        if (Directory.Exists(folder))
        {
            var pages = new PhysicalFileProvider(folder);
            room.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages, RequestPath = "/room" });
            room.UseStaticFiles(new StaticFileOptions { FileProvider = pages, RequestPath = "/room" });
        }

        // The API's texts (errors, labels) in the language the tab's browser asks for (Accept-Language), else English.
        var cultures = Languages.Supported.SelectMany(code => new[] { code, Languages.Resolve(code).Name }).ToArray();
        return room.UseRequestLocalization(options => options.SetDefaultCulture(Languages.English.Name).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
    }
}
