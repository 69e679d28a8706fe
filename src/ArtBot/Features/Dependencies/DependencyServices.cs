using ArtBot.Domain.Sync;
using ArtBot.Features.Common;
using ArtBot.Hosting;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;

namespace ArtBot.Features.Dependencies;

/// <summary>Registers dependencies between teams: the planning table, the store, commands, card actions and check-in tracking.</summary>
public static class DependencyServices
{
    public static IServiceCollection AddDependencies(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(PlanMappings.TableName));
        services.AddSingleton(sp => PlanMappings.Dependencies(sp.GetRequiredService<TableServiceClient>().GetTableClient(PlanMappings.TableName)));
        services.AddSingleton<DependencyBoard>();
        services.AddSingleton<DependencyRisks>();
        services.AddSingleton<IDependencyTracking, CheckInDependencyTracking>();
        services.AddBotFeature<DependencyCommands>();
        services.AddBotFeature<DependencyActions>();
        return services;
    }
}
