using ArtBot.Features.Common;
using ArtBot.Domain.Votes;
using ArtBot.Hosting;
using Azure.Data.Tables;
using ArtBot.Storage.Votes;

namespace ArtBot.Features.Votes;

/// <summary>Registers the confidence-vote feature: its store, tables, card actions, shared-card updates and deadline sweep.</summary>
public static class VoteServices
{
    public static IServiceCollection AddVotes(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(VoteStore.TableName));
        services.AddSingleton(new RequiredTable(VoteStore.IndexTableName));
        services.AddSingleton(new RequiredTable(VoteStore.DueTableName));
        services.AddSingleton<IVoteStore>(sp =>
        {
            var tables = sp.GetRequiredService<TableServiceClient>();
            return new VoteStore(
                tables.GetTableClient(VoteStore.TableName),
                tables.GetTableClient(VoteStore.IndexTableName),
                tables.GetTableClient(VoteStore.DueTableName));
        });
        services.AddOptions<VoteDeadlineOptions>().BindConfiguration(VoteDeadlineOptions.Section);
        services.AddSingleton<VoteStateReader>();
        services.AddSingleton<RosterCache>();
        services.AddSingleton<SharedVoteCardUpdater>();
        services.AddSingleton<VoteStarter>();
        services.AddSingleton<VoteCloser>();
        services.AddSingleton<VoteConcernRisks>();
        services.AddBotFeature<VoteCommands>();
        services.AddBotFeature<VoteActions>();
        services.AddSingleton<VoteDeadlineSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<VoteDeadlineSweeper>());
        return services;
    }
}
