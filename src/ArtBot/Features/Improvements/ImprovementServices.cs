using ArtBot.Features.Common;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Improvements;
using ArtBot.Hosting;
using ArtBot.Storage.Improvements;
using Azure.Data.Tables;

namespace ArtBot.Features.Improvements;

/// <summary>Registers Inspect &amp; Adapt: workshops, improvement items, their tables, card actions and the PI carry-over.</summary>
public static class ImprovementServices
{
    public static IServiceCollection AddImprovements(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(WorkshopStore.TableName));
        services.AddSingleton(new RequiredTable(WorkshopStore.IndexTableName));
        services.AddSingleton(new RequiredTable(ImprovementStore.TableName));
        services.AddSingleton<IWorkshopStore>(sp =>
        {
            var tables = sp.GetRequiredService<TableServiceClient>();
            return new WorkshopStore(tables.GetTableClient(WorkshopStore.TableName), tables.GetTableClient(WorkshopStore.IndexTableName));
        });
        services.AddSingleton<IImprovementStore>(sp =>
            new ImprovementStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(ImprovementStore.TableName)));
        services.AddSingleton<SharedWorkshopCardUpdater>();
        services.AddSingleton<ConversationMembers>();
        services.AddSingleton<ImprovementCarryOver>();
        services.AddSingleton<IPiChangeListener>(sp => sp.GetRequiredService<ImprovementCarryOver>());
        services.AddBotFeature<WorkshopCommands>();
        services.AddBotFeature<WorkshopActions>();
        services.AddBotFeature<ImprovementCommands>();
        services.AddBotFeature<ImprovementActions>();
        return services;
    }
}
