using ArtBot.Features.Common;

namespace ArtBot.Features.Installation;

/// <summary>Registers installation: the service URL kept current on every activity, then install and remove with the welcome card.</summary>
public static class InstallationServices
{
    public static IServiceCollection AddInstallation(this IServiceCollection services) => services
        .AddBotFeature<ServiceUrlTracker>()
        .AddBotFeature<InstallationHandlers>();
}
