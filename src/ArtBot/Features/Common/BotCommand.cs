using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Common;

/// <summary>Handles a text command; <paramref name="arguments"/> is the text after the command word.</summary>
public delegate Task CommandHandler(TurnContext turn, string arguments, CancellationToken cancellationToken);

/// <summary>A text command the bot answers (<c>help</c>, <c>vote</c>, ...), listed in help and in the app manifest.</summary>
/// <param name="Name">The command word, lower case.</param>
/// <param name="Usage">How it is typed in the current language, e.g. <c>vote &lt;question&gt;</c> (the command word stays English).</param>
/// <param name="Description">One line for the help card and the manifest's command list, in the current language.</param>
public sealed record BotCommand(string Name, Func<string> Usage, Func<string> Description, CommandHandler Handler);
