using ArtBot.Features.Common;
using ArtBot.Hosting;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;

namespace ArtBot.Features.Board;

/// <summary>Registers the program board: the ART backlog's features, milestones and team capacities (planning table).</summary>
public static class BoardServices
{
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(PlanMappings.TableName));
        services.AddSingleton(sp => PlanMappings.Features(Planning(sp)));
        services.AddSingleton(sp => PlanMappings.Milestones(Planning(sp)));
        services.AddSingleton(sp => PlanMappings.Capacities(Planning(sp)));
        services.AddSingleton<FeaturePlanning>();
        services.AddOptions<BoardOptions>().BindConfiguration(BoardOptions.Section);
        services.AddSingleton<BoardReader>();
        services.AddSingleton<BoardEndpoints>();
        return services;
    }

    private static TableClient Planning(IServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(PlanMappings.TableName);
}
