using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Routing;

/// <summary>Removes the bot's own @mention from a message, as Teams puts it in channels and group chats.</summary>
public static class MentionText
{
    /// <summary>
    /// The activity's text without the mention entities that name the recipient (the bot), trimmed.
    /// Mentions of other people stay. Falls back to removing a leading <c>&lt;at&gt;..&lt;/at&gt;</c> with the bot's name.
    /// </summary>
    public static string RemoveRecipientMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && botId is not null
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        var botName = activity.Recipient?.Name;
        if (!string.IsNullOrEmpty(botName))
        {
            text = text.Replace($"<at>{botName}</at>", string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }
}
