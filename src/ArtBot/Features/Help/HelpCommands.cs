using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Features.Common;

namespace ArtBot.Features.Help;

/// <summary><c>help</c>: the card listing every command of the <see cref="FeatureTable"/>. Also the answer to text that names no command.</summary>
public sealed class HelpCommands(FeatureTable commands) : IBotFeature
{
    public const string Name = "help";

    public void Register(FeatureTable table) =>
        table.Command(Name, () => HelpStrings.CommandHelpUsage, () => HelpStrings.CommandHelpDescription, ShowAsync);

    private async Task ShowAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var unknown = string.IsNullOrWhiteSpace(arguments) || arguments.Equals(Name, StringComparison.OrdinalIgnoreCase)
            ? null
            : CommandRouter.Split(arguments).Word;
        var card = HelpCard.Build(commands.Commands, turn.Activity.Conversation?.ConversationType, unknown);
        await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
    }
}
