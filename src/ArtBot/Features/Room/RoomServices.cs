using ArtBot.Features.Common;

namespace ArtBot.Features.Room;

/// <summary>Registers the ART room: its sign-in, access checks, views, and its pages and API (<see cref="RoomFeature"/>).</summary>
public static class RoomServices
{
    public static IServiceCollection AddRoom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoomOptions>().Bind(configuration.GetSection(RoomOptions.Section));
        services.AddMemoryCache();
        services.AddRoomAuthentication();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<RoomViews>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RoomJsonContext.Default));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(1, Board.BoardJsonContext.Default));
        services.AddRoomOpenApi();
        services.AddEndpointFeature<RoomFeature>();
        return services;
    }
}
