using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtBot.BotFramework.Connector;

/// <summary>Registration of the outbound Bot Connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConnectorClient"/> (typed HttpClient), the singleton <see cref="ConnectorRateLimiter"/>,
    /// the <see cref="IConnectorTokenProvider"/> (Azure.Identity, from <see cref="BotFrameworkOptions"/>; register
    /// your own provider first to replace it) and <see cref="TimeProvider.System"/> if none is registered.
    /// <see cref="BotFrameworkOptions"/> is bound by the composition root.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, Action<ConnectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<ConnectorOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton<IConnectorTokenProvider>(sp => new ConnectorTokenProvider(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorTokenProvider>>()));
        services.AddHttpClient<ConnectorClient>((sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.RequestTimeout);
        return services;
    }
}
