using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Conversations;
using ArtBot.Features.Commands;
using ArtBot.Features.Help;
using ArtBot.Features.Installation;

namespace ArtBot.UnitTests.Cards;

/// <summary>Every card the bot builds, in each variant it can take, by a readable name.</summary>
internal static class BotCards
{
    /// <summary>A hostile unknown command: 10,000 characters of Markdown, HTML and control characters.</summary>
    public static readonly string HugeMarkupCommand = string.Concat(Enumerable.Repeat(
        "**bold** _it_ [link](https://evil.example/) <script>alert(1)</script> <at>Someone</at> `code` # heading\r\n\t",
        100))[..10_000];

    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = Build();

    public static TheoryData<string> Names => [.. All.Keys];

    private static Dictionary<string, AdaptiveCard> Build()
    {
        var commands = CommandCatalog.Create();
        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["help-personal"] = HelpCard.Build(commands, ConversationTypes.Personal, null),
            ["help-channel"] = HelpCard.Build(commands, ConversationTypes.Channel, null),
            ["help-group-chat"] = HelpCard.Build(commands, ConversationTypes.GroupChat, null),
            ["help-no-conversation-type"] = HelpCard.Build(commands, null, null),
            ["help-unknown-command"] = HelpCard.Build(commands, ConversationTypes.Personal, "frobnicate"),
            ["help-unknown-huge-markup-command"] = HelpCard.Build(commands, ConversationTypes.Channel, HugeMarkupCommand),
            ["welcome-personal"] = WelcomeCard.Build(Conversation(ConversationTypes.Personal, teamName: null)),
            ["welcome-group-chat"] = WelcomeCard.Build(Conversation(ConversationTypes.GroupChat, teamName: null)),
            ["welcome-channel"] = WelcomeCard.Build(Conversation(ConversationTypes.Channel, "Rocket Team")),
            ["welcome-channel-without-team-name"] = WelcomeCard.Build(Conversation(ConversationTypes.Channel, teamName: null)),
        };
    }

    private static InstalledConversation Conversation(string type, string? teamName) => new()
    {
        TenantId = "t",
        ConversationId = type == ConversationTypes.Personal ? "a:1" : "19:x@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ConversationType = type,
        TeamName = teamName,
    };
}
