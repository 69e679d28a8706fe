using ArtBot.Domain.Meetings;
using ArtBot.Features.Common;
using ArtBot.Features.Votes;
using ArtBot.Hosting;
using ArtBot.Storage.Meetings;
using Azure.Data.Tables;

namespace ArtBot.Features.Meetings;

/// <summary>Registers ArtBot in Teams meetings: the meetings store, the meeting events, the meeting API and the concern prompts.</summary>
public static class MeetingServices
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(MeetingStore.TableName));
        services.AddSingleton<IMeetingStore>(sp => new MeetingStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(MeetingStore.TableName)));
        services.AddOptions<MeetingOptions>().BindConfiguration(MeetingOptions.Section);
        services.AddSingleton<MeetingPlaces>();
        services.AddSingleton<MeetingRoles>();
        services.AddSingleton<MeetingLive>();
        services.AddSingleton<MeetingPages>();
        services.AddSingleton<MeetingSummary>();
        services.AddSingleton<MeetingEndpoints>();
        services.AddSingleton<IVoteStartedListener, MeetingVoteLog>();
        services.AddSingleton<ConcernPrompts>();
        services.AddSingleton<IVoteBallotListener>(sp => sp.GetRequiredService<ConcernPrompts>());
        services.AddBotFeature<MeetingEvents>();
        services.AddEndpointFeature<MeetingFeature>();
        return services;
    }
}
