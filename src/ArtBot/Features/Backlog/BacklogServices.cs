using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>Registers the ART backlog in the channels: features, the teams' plan cards and milestones (the stores come from <c>AddBoard</c>).</summary>
public static class BacklogServices
{
    public static IServiceCollection AddBacklog(this IServiceCollection services)
    {
        services.AddSingleton<BacklogViews>();
        services.AddBotFeature<BacklogCommands>();
        services.AddBotFeature<BacklogActions>();
        return services;
    }
}
