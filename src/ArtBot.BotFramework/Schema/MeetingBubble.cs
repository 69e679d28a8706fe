namespace ArtBot.BotFramework.Schema;

/// <summary>
/// The in-meeting notification of a message to a meeting's chat: the message alerts in the meeting window and opens
/// a page in a dialog ("bubble") of the given size (design guidance: 280 to 460 wide, 300 high).
/// </summary>
public static class MeetingBubble
{
    /// <summary><c>https://teams.microsoft.com/l/bubble/{appId}?url=…&amp;height=…&amp;width=…&amp;title=…&amp;completionBotId=…</c>.</summary>
    public static string Url(string appId, Uri page, int width, int height, string title, string? completionBotId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        var query = $"url={Uri.EscapeDataString(page.AbsoluteUri)}&height={height}&width={width}&title={Uri.EscapeDataString(title)}";
        if (!string.IsNullOrEmpty(completionBotId))
        {
            query += "&completionBotId=" + Uri.EscapeDataString(completionBotId);
        }

        return $"https://teams.microsoft.com/l/bubble/{Uri.EscapeDataString(appId)}?{query}";
    }

    /// <summary>Notification settings that alert the chat and show <paramref name="bubbleUrl"/> in the meeting window.</summary>
    public static NotificationInfo Alert(string bubbleUrl) => new(true) { AlertInMeeting = true, ExternalResourceUrl = bubbleUrl };
}
