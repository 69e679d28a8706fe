using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Votes;
using ArtBot.Hosting;
using ArtBot.Storage.Tables;
using ArtBot.Storage.Votes;

namespace ArtBot.Features.Votes;

/// <summary>Registers the confidence-vote feature: its store, tables, card actions and shared-card updates.</summary>
public static class VoteServices
{
    public static IServiceCollection AddVotes(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(VoteStore.TableName));
        services.AddSingleton(new RequiredTable(VoteStore.IndexTableName));
        services.AddSingleton<IVoteStore>(sp =>
        {
            var tables = sp.GetRequiredService<TableServiceClient>();
            return new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName));
        });
        services.AddSingleton<SharedVoteCardUpdater>();
        services.AddSingleton<ICardActions, VoteActions>();
        return services;
    }
}
