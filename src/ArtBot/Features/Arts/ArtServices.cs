using ArtBot.Features.Common;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Hosting;
using ArtBot.Storage.Arts;
using Azure.Data.Tables;

namespace ArtBot.Features.Arts;

/// <summary>Registers ARTs: their store and tables.</summary>
public static class ArtServices
{
    public static IServiceCollection AddArts(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(ArtStore.TableName));
        services.AddSingleton(new RequiredTable(ArtStore.ConversationsTableName));
        services.AddSingleton<IArtStore>(sp =>
        {
            var tables = sp.GetRequiredService<TableServiceClient>();
            return new ArtStore(tables.GetTableClient(ArtStore.TableName), tables.GetTableClient(ArtStore.ConversationsTableName), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ArtContext>();
        services.AddBotFeature<ArtCommands>();
        services.AddBotFeature<ArtActions>();
        return services;
    }
}
