using ArtBot.Features.Common;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Sync;
using ArtBot.Features.People;
using ArtBot.Hosting;
using ArtBot.Storage.Sync;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>Registers the weekly ART sync: its store and table, the scheduler, card actions, the summary and escalation.</summary>
public static class SyncServices
{
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidation>();
        services.AddSingleton(new RequiredTable(SyncStore.TableName));
        services.AddSingleton<ISyncStore>(sp => new SyncStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(SyncStore.TableName)));
        services.AddSingleton(new RequiredTable(PaceStore.TableName));
        services.AddSingleton<IPaceStore>(sp => new PaceStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(PaceStore.TableName)));
        services.AddSingleton<FanOutPacer>();
        services.AddSingleton<FanOutSender>();
        services.AddSingleton<IPostedMessages>(sp => sp.GetRequiredService<IOptions<GraphOptions>>().Value.IsEnabled
            ? ActivatorUtilities.CreateInstance<GraphPostedMessages>(sp)
            : new NoPostedMessages());
        services.AddSingleton<InterruptedSends>();
        services.AddSingleton<SyncFanOut>();
        services.AddSingleton<RteDigest>();
        services.AddSingleton<SummaryPublisher>();
        services.AddSingleton<SyncScheduler>();
        services.AddSingleton<SyncSchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncSchedulerService>());
        services.AddBotFeature<SyncCommands>();
        services.AddBotFeature<SyncActions>();
        // A blocker becomes a tracked impediment when the impediments feature is registered; else a plain card says so.
        services.TryAddSingleton<IBlockerEscalation>(sp => sp.GetService<IImpedimentStore>() is { } impediments
            ? ActivatorUtilities.CreateInstance<ImpedimentBlockerEscalation>(sp, impediments)
            : ActivatorUtilities.CreateInstance<CardBlockerEscalation>(sp));
        return services;
    }
}
