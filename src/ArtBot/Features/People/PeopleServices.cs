using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using ArtBot.Domain.People;
using ArtBot.Hosting;
using Azure.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.People;

/// <summary>Registers <see cref="IPeopleDirectory"/>: Microsoft Graph when <c>Graph:Enabled</c> resolves to on, else the Bot Connector's rosters.</summary>
public static class PeopleServices
{
    /// <summary>
    /// Binds and validates (at start) the <c>Graph</c> section; <c>Graph:Enabled</c> unset means on when the bot has
    /// an app identity in the customer's tenant (see <see cref="GraphOptions.OnByDefault"/>). The Graph directory uses the registered <see cref="TokenCredential"/> (the bot's, shared with
    /// the connector) and falls back to <see cref="ConnectorPeopleDirectory"/> for teams without a readable group.
    /// </summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .PostConfigure<IOptions<BotFrameworkOptions>>((graph, bot) => graph.Enabled ??= GraphOptions.OnByDefault(bot.Value))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        // Rosters and automatic replies are kept in the app's memory cache, on the app's clock.
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((cache, time) => cache.Clock ??= new TimeProviderClock(time));
        // The app-only Graph client, created only when Graph is on (the directory, and the sync's search for interrupted posts).
        services.AddGraphHttpClient();
        services.AddSingleton(sp => GraphClients.Create(
            sp.GetRequiredService<TokenCredential>(),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClients.HttpClientName)));
        services.AddSingleton<ConnectorPeopleDirectory>();
        services.AddSingleton<IPeopleDirectory>(sp =>
        {
            var connector = sp.GetRequiredService<ConnectorPeopleDirectory>();
            var options = sp.GetRequiredService<IOptions<GraphOptions>>();
            if (!options.Value.IsEnabled)
            {
                return connector;
            }

            return new GraphPeopleDirectory(
                sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>(),
                connector,
                options,
                sp.GetRequiredService<IMemoryCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GraphPeopleDirectory>>());
        });
        return services;
    }
}
