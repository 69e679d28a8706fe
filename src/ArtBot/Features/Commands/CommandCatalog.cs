using ArtBot.Features.Arts;
using ArtBot.Features.Help;
using ArtBot.Features.Improvements;
using ArtBot.Features.Impediments;
using ArtBot.Features.Votes;

namespace ArtBot.Features.Commands;

/// <summary>
/// Every text command the bot answers, in the order help lists them. <c>manifest/commands.json</c> (the Teams
/// command menu) must list the same commands; a test checks both directions.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<BotCommand> Create() =>
    [
        HelpCommand.Create(),
        VoteCommands.Vote(),
        VoteCommands.List(),
        ArtCommands.Art(),
        ArtCommands.Pi(),
        ArtCommands.Sync(),
        ImpedimentCommands.Raise(),
        ImpedimentCommands.Blocked(),
        ImpedimentCommands.List(),
        ImpedimentCommands.Risks(),
        WorkshopCommands.Inspect(),
        WorkshopCommands.Improve(),
        ImprovementCommands.List(),
    ];
}
