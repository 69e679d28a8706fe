using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Conversations;

namespace ArtBot.Features.Installation;

/// <summary>The short card posted once when ArtBot is added to a conversation.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(InstalledConversation conversation)
    {
        var where = conversation.ConversationType switch
        {
            ConversationTypes.Channel => $"the **{conversation.TeamName ?? "team"}** team",
            ConversationTypes.GroupChat => "this group chat",
            _ => "your personal chat",
        };
        var howToAsk = conversation.ConversationType == ConversationTypes.Personal
            ? "Type **help** to see what I can do."
            : "@mention me with **help** to see what I can do.";

        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Hi, I'm ArtBot") { Size = "Large", Weight = "Bolder", Style = "heading" },
                new TextBlock($"Thanks for adding me to {where}. I help your Agile Release Train run its ceremonies here: "
                    + "PI confidence votes, weekly ART sync check-ins, impediments and Inspect & Adapt improvements."),
                new TextBlock(howToAsk) { Spacing = "Small" },
            ],
            FallbackText = "Hi, I'm ArtBot. " + howToAsk,
        };
    }
}
