using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Common;

/// <summary>Registers a feature's bot handlers or HTTP endpoints, and the table the bot's router is built from.</summary>
public static class FeatureServices
{
    /// <summary>Registers <typeparamref name="T"/> (a singleton) as one of the bot's <see cref="IBotFeature"/>s.</summary>
    public static IServiceCollection AddBotFeature<T>(this IServiceCollection services)
        where T : class, IBotFeature
    {
        services.AddSingleton<T>();
        services.AddSingleton<IBotFeature>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> (a singleton) as one of the app's <see cref="IEndpointFeature"/>s.</summary>
    public static IServiceCollection AddEndpointFeature<T>(this IServiceCollection services)
        where T : class, IEndpointFeature
    {
        services.AddSingleton<T>();
        services.AddSingleton<IEndpointFeature>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>
    /// The feature table and the router built from every registered feature, in registration order; and the shared-card
    /// updater every feature's shared cards go through (drained on graceful shutdown).
    /// </summary>
    public static IServiceCollection AddFeatureRouting(this IServiceCollection services)
    {
        services.AddSingleton<SharedCardUpdater>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedCardUpdater>());
        services.AddSingleton<FeatureTable>();
        services.AddSingleton(sp => sp.GetRequiredService<FeatureTable>().Build(
            sp.GetServices<IBotFeature>(), sp.GetRequiredService<ILogger<ActivityRouter>>(), sp.GetRequiredService<ILogger<CommandRouter>>()));
        return services;
    }
}
