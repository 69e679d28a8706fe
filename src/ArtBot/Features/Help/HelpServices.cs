using ArtBot.Features.Common;

namespace ArtBot.Features.Help;

/// <summary>Registers help: the <c>help</c> command and its card, listing every feature's commands.</summary>
public static class HelpServices
{
    public static IServiceCollection AddHelp(this IServiceCollection services) => services.AddBotFeature<HelpCommands>();
}
