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

    /// <summary>The tab's pages under <c>/room/</c>, framable by Teams only; then sign-in for the API.</summary>
    public static WebApplication UseArtRoom(this WebApplication app)
    {
        app.Use(async (http, next) =>
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
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages, RequestPath = "/room" });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = pages, RequestPath = "/room" });
        }

        // The API's texts (errors, labels) in the language the tab's browser asks for (Accept-Language), else English.
        var cultures = Languages.Supported.SelectMany(code => new[] { code, Languages.Resolve(code).Name }).ToArray();
        app.UseRequestLocalization(options => options.SetDefaultCulture(Languages.English.Name).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapArtRoom();
        return app;
    }
}
