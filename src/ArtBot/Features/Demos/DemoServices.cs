using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Features.Common;
using ArtBot.Hosting;
using ArtBot.Storage.Demos;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;

namespace ArtBot.Features.Demos;

/// <summary>Registers the System Demo: its stores (rows of the <c>planning</c> table), scheduler, commands and card actions.</summary>
public static class DemoServices
{
    public static IServiceCollection AddDemos(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(PlanMappings.TableName));
        services.AddSingleton(sp => DemoMappings.Demos(Planning(sp)));
        services.AddSingleton(sp => DemoMappings.TeamAnswers(Planning(sp)));
        services.AddSingleton(sp => DemoMappings.Feedback(Planning(sp)));
        services.AddSingleton(sp => DemoMappings.Problems(Planning(sp)));
        services.AddSingleton<DemoChanges>();
        services.AddSingleton<DemoRows>();
        services.AddSingleton<DemoPrompts>();
        services.AddSingleton<DemoAgendaReader>();
        services.AddSingleton<DemoHistoryReader>(); // the room's System Demo view
        services.AddSingleton<SharedDemoAgendaUpdater>();
        services.AddSingleton<IDemoChangeListener>(sp => sp.GetRequiredService<SharedDemoAgendaUpdater>());
        services.AddSingleton<DemoScheduler>();
        services.AddSingleton<DemoSchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSchedulerService>());
        services.AddBotFeature<DemoCommands>();
        services.AddBotFeature<DemoActions>();

        // Follow-ups: the team's feedback card, "needs work" follow-ups, integration problems' repair, the I&A offer.
        services.AddSingleton<DemoFollowUpReader>();
        services.AddSingleton<SharedDemoTeamFeedbackUpdater>();
        services.AddSingleton<IDemoChangeListener>(sp => sp.GetRequiredService<SharedDemoTeamFeedbackUpdater>());
        services.AddSingleton<IntegrationProblemOffer>();
        services.AddBotFeature<DemoFollowUpActions>();
        services.AddBotFeature<IntegrationCommands>();
        return services;
    }

    private static TableClient Planning(IServiceProvider sp) => sp.GetRequiredService<TableServiceClient>().GetTableClient(PlanMappings.TableName);
}
