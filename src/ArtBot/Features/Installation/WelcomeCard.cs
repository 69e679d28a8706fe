using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Installation;

/// <summary>The short card posted once when ArtBot is added to a conversation.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(InstalledConversation conversation)
    {
        var intro = conversation.ConversationType switch
        {
            ConversationTypes.Channel => conversation.TeamName is { } team
                ? Localized.Format(InstallationStrings.WelcomeIntroChannel, team)
                : InstallationStrings.WelcomeIntroChannelUnnamed,
            ConversationTypes.GroupChat => InstallationStrings.WelcomeIntroGroupChat,
            _ => InstallationStrings.WelcomeIntroPersonal,
        };
        var howToAsk = conversation.ConversationType == ConversationTypes.Personal
            ? InstallationStrings.WelcomeHelpPersonal
            : InstallationStrings.WelcomeHelpMention;

        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock(InstallationStrings.WelcomeTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
                new TextBlock(intro),
                new TextBlock(howToAsk) { Spacing = "Small" },
            ],
            FallbackText = Localized.Format(InstallationStrings.WelcomeFallback, howToAsk),
        };
    }
}
