using ArtBot.BotFramework;
using ArtBot.BotFramework.Auth;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Conversations;
using ArtBot.Features.Backlog;
using ArtBot.Features.Board;
using ArtBot.Features.Arts;
using ArtBot.Features.AzureDevOps;
using ArtBot.Features.Common;
using ArtBot.Features.Dependencies;
using ArtBot.Features.Help;
using ArtBot.Features.Improvements;
using ArtBot.Features.Impediments;
using ArtBot.Features.Installation;
using ArtBot.Features.Meetings;
using ArtBot.Features.Objectives;
using ArtBot.Features.People;
using ArtBot.Features.Demos;
using ArtBot.Features.Pulses;
using ArtBot.Features.Review;
using ArtBot.Features.Room;
using ArtBot.Features.Sync;
using ArtBot.Features.Votes;
using ArtBot.Hosting.Telemetry;
using ArtBot.Storage;
using ArtBot.Storage.Conversations;
using Azure.Data.Tables;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtBot.Hosting;

/// <summary>The composition root: settings, protocol layer, storage, features.</summary>
public static class ArtBotServices
{
    public static IServiceCollection AddArtBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<ArtBotMetrics>();

        // Settings (standard Bot Framework names at the configuration root), validated at start-up.
        services.AddOptions<BotFrameworkOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotSettingsValidation>();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(storage =>
            {
                // Read from configuration, not IOptions<BotFrameworkOptions>: its validation reads these options.
                var localDevelopment = string.IsNullOrWhiteSpace(configuration[nameof(BotFrameworkOptions.MicrosoftAppId)]);
                if (localDevelopment && string.IsNullOrWhiteSpace(storage.ConnectionString) && string.IsNullOrWhiteSpace(storage.TableEndpoint))
                {
                    storage.ConnectionString = StorageOptions.DevelopmentStorage;
                }
            });

        // One credential for every outbound call (connector, storage through Entra ID).
        services.AddSingleton(sp => BotCredentials.Create(
                sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(BotCredentials.HttpClientName))
            ?? throw new InvalidOperationException("Storage:TableEndpoint needs the bot's identity: set MicrosoftAppId, or use Storage:ConnectionString."));

        // Protocol layer.
        services.AddBotAuthentication();
        services.AddBotConnector();
        services.AddSingleton<ActivityDeduplicator>();
        services.AddSingleton<ITurnFailureDescriber, StorageFailureDescriber>();
        services.AddSingleton<ITurnCulture, TurnCulture>();

        // Storage.
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var options = StorageClientOptions.Create();
            return string.IsNullOrWhiteSpace(storage.TableEndpoint)
                ? new TableServiceClient(storage.ConnectionString!, options)
                : new TableServiceClient(new Uri(storage.TableEndpoint), sp.GetRequiredService<TokenCredential>(), options);
        });
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddSingleton(new RequiredTable(ConversationStore.TableName));
        services.AddSingleton<IConversationStore>(sp =>
            new ConversationStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(ConversationStore.TableName)));

        // Features, each with its handlers in the feature table; help lists the commands in this order.
        services.AddFeatureRouting();
        services.AddInstallation();
        services.AddHelp();
        services.AddVotes();
        services.AddArts();
        services.AddObjectives();
        services.AddDependencies();
        services.AddSync(configuration);
        services.AddPeople();
        services.AddImpediments();
        services.AddImprovements();
        services.AddPulses();
        services.AddDemos();
        services.AddReview();
        services.AddRoom(configuration);
        services.AddMeetings();
        services.AddBoard();
        services.AddBacklog();
        services.AddAzureDevOps();

        services.AddHostedService<StartupLog>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"], timeout: StorageHealthCheck.Timeout);
        return services;
    }
}
