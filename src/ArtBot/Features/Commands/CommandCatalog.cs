using ArtBot.Features.Help;
using ArtBot.Features.Sync;
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
        SyncCommands.Sync(),
    ];
}
