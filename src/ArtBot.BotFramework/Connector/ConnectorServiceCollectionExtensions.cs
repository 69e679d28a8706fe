using Azure.Core;
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
    /// the <see cref="IConnectorTokenProvider"/> and <see cref="TimeProvider.System"/> if none is registered.
    /// Tokens come from the registered <see cref="TokenCredential"/> if there is one (it must be the bot
    /// identity's credential for its app type), else from the credential the app type calls for
    /// (<see cref="ConnectorTokenProvider"/>). Register your own <see cref="IConnectorTokenProvider"/> first to replace it.
    /// The first token is asked for at start-up (<see cref="ConnectorTokenWarmUp"/>).
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
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var bot = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

            // The app's shared credential, if the composition root registered one; not even resolved
            // in local development, where no token is sent.
            var credential = bot.IsLocalDevelopment ? null : sp.GetService<TokenCredential>();
            return new ConnectorTokenProvider(
                bot, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ConnectorTokenProvider>>(), credential);
        });
        services.AddHostedService<ConnectorTokenWarmUp>();
        services.AddHttpClient<ConnectorClient>((sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.RequestTimeout);

        // One HTTP attempt per call (same HTTP client, tokens and rate limits): for callers that pace or answer a person fast.
        services.AddKeyedSingleton(ConnectorClient.SingleAttempt, (sp, _) => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient)),
            sp.GetRequiredService<IConnectorTokenProvider>(),
            sp.GetRequiredService<ConnectorRateLimiter>(),
            Options.Create(sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.WithoutRetries()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
        return services;
    }
}
