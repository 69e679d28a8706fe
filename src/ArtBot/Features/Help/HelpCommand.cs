using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Features.Commands;

namespace ArtBot.Features.Help;

/// <summary><c>help</c>: the card listing every command. Also the answer to text that names no command.</summary>
public static class HelpCommand
{
    public const string Name = "help";

    public static BotCommand Create() => new(
        Name,
        "help",
        "Show what ArtBot can do and the commands it understands",
        async (turn, arguments, cancellationToken) =>
        {
            var unknown = string.IsNullOrWhiteSpace(arguments) || arguments.Equals(Name, StringComparison.OrdinalIgnoreCase)
                ? null
                : CommandRouter.Split(arguments).Word;
            var card = HelpCard.Build(turn.Services.GetRequiredService<CommandRouter>().Commands, turn.Activity.Conversation?.ConversationType, unknown);
            await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        });
}
