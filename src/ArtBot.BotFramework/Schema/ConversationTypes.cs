namespace ArtBot.BotFramework.Schema;

/// <summary>Values of <c>conversation.conversationType</c> in Teams.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
