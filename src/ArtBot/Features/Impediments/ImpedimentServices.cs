using ArtBot.Features.Common;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Impediments;
using ArtBot.Hosting;
using ArtBot.Hosting.Telemetry;
using ArtBot.Storage.Impediments;
using Azure.Data.Tables;

namespace ArtBot.Features.Impediments;

/// <summary>Registers impediments and risks: the store, its table, card actions, the message extension and escalation.</summary>
public static class ImpedimentServices
{
    public static IServiceCollection AddImpediments(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(ImpedimentStore.TableName));
        services.AddSingleton<IImpedimentStore>(sp => new MeteredImpedimentStore(
            new ImpedimentStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(ImpedimentStore.TableName), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<ArtBotMetrics>()));
        services.AddSingleton<SharedImpedimentCards>();
        services.AddSingleton<ImpedimentRaising>();
        services.AddSingleton<ConversationPeople>();
        services.AddSingleton<ConversationEscalation>();
        services.AddSingleton<IImpedimentEscalation, ArtEscalation>();
        services.AddBotFeature<ImpedimentCommands>();
        services.AddBotFeature<ImpedimentMessageExtension>();
        services.AddBotFeature<ImpedimentActions>();
        return services;
    }
}
