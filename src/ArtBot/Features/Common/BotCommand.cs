using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Common;

/// <summary>Handles a text command; <paramref name="arguments"/> is the text after the command word.</summary>
public delegate Task CommandHandler(TurnContext turn, string arguments, CancellationToken cancellationToken);

/// <summary>A text command the bot answers (<c>help</c>, <c>vote</c>, ...), listed in help and in the app manifest.</summary>
/// <param name="Name">The command word, lower case.</param>
/// <param name="Usage">How it is typed, e.g. <c>vote &lt;question&gt;</c>.</param>
/// <param name="Description">One line for the help card and the manifest's command list.</param>
public sealed record BotCommand(string Name, string Usage, string Description, CommandHandler Handler);
