using ArtBot.Domain.Planning;
using ArtBot.Features.Common;
using ArtBot.Hosting;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;

namespace ArtBot.Features.Objectives;

/// <summary>Registers PI objectives and the predictability measure: the planning table, the store, commands and card actions.</summary>
public static class ObjectiveServices
{
    public static IServiceCollection AddObjectives(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(PlanMappings.TableName));
        services.AddSingleton(sp => PlanMappings.Objectives(sp.GetRequiredService<TableServiceClient>().GetTableClient(PlanMappings.TableName)));
        services.AddSingleton<ObjectiveViews>();
        services.AddBotFeature<ObjectiveCommands>();
        services.AddBotFeature<ObjectiveActions>();
        return services;
    }
}
