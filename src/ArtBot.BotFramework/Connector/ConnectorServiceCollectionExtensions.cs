using ArtBot.BotFramework.Http;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ArtBot.BotFramework.Connector;

/// <summary>Registration of the outbound Bot Connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConnectorClient"/> (typed HttpClient with the <see cref="OutgoingHttpPolicy"/> pipeline, the
    /// rate limits and the token per attempt), its <see cref="ConnectorClient.SingleAttempt"/> twin, the singleton
    /// <see cref="ConnectorRateLimiter"/>, the <see cref="IConnectorTokenProvider"/>, the token endpoint's HttpClient
    /// (<see cref="BotCredentials.HttpClientName"/>, the same policy) and <see cref="TimeProvider.System"/> if none is registered.
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
        services.AddHttpClient(BotCredentials.HttpClientName, client => client.Timeout = new HttpRetryOptions().CallBound())
            .AddOutgoingResilience(_ => new HttpRetryOptions());
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var bot = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

            // The app's shared credential, if the composition root registered one; not even resolved
            // in local development, where no token is sent.
            var credential = bot.IsLocalDevelopment ? null : sp.GetService<TokenCredential>();
            return new ConnectorTokenProvider(
                bot, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ConnectorTokenProvider>>(), credential,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(BotCredentials.HttpClientName));
        });
        services.AddHostedService<ConnectorTokenWarmUp>();
        var connector = services.AddHttpClient<ConnectorClient>((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value;
            client.Timeout = options.Retry.CallBound(options.MaxQueueWait);
        });
        connector.AddOutgoingResilience(
            sp => sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.Retry,
            // Teams' per-conversation ("per-thread") and per-tenant limits: keyed sliding windows on the app's clock, which no library limiter has.
            (pipeline, sp) => pipeline.AddStrategy(_ => new ConnectorRateLimitStrategy(sp.GetRequiredService<ConnectorRateLimiter>())),
            sp =>
            {
                var logger = sp.GetRequiredService<ILogger<ConnectorClient>>();
                return args =>
                {
                    var call = ConnectorCall.Of(args.Context.GetRequestMessage());
                    var status = args.Outcome.Result is { } response ? (int)response.StatusCode : 0;
                    ConnectorLog.Retrying(logger, call?.Operation ?? "request", status, call?.ConversationKey, args.AttemptNumber + 1, args.RetryDelay);
                };
            });
        connector.AddHttpMessageHandler(sp => new ConnectorAuthHandler(sp.GetRequiredService<IConnectorTokenProvider>()));

        // One HTTP attempt per call (same HTTP client, pipeline, tokens and rate limits): for callers that pace or answer a person fast.
        services.AddKeyedSingleton(ConnectorClient.SingleAttempt, (sp, _) => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>())
        {
            SendsOnce = true,
        });
        return services;
    }
}
