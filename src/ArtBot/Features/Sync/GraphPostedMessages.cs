using ArtBot.BotFramework;
using ArtBot.Features.People;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace ArtBot.Features.Sync;

/// <summary>
/// Looks for the bot's post in Microsoft Graph (app-only): <c>GET /teams/{group}/channels/{channel}/messages</c>, or
/// <c>.../messages/{thread}/replies</c> for a reply, pages of 50, newest first. The permission is the resource-specific
/// <c>ChannelMessage.Read.Group</c> (the app manifest asks for it; granted with the install in each team). A message
/// is the post when it is from the bot's app id, created at or after the query's time, and its text or a card
/// attachment holds every marker. "Not posted" is answered only once the messages read reach back past that time
/// (the pages are checked to be newest first) or the list ends; anything else, and any Graph failure, is "unknown".
/// </summary>
public sealed partial class GraphPostedMessages(GraphServiceClient graph, IOptions<BotFrameworkOptions> bot, ILogger<GraphPostedMessages> logger) : IPostedMessages
{
    internal const int PageSize = 50;
    internal const int MaxPages = 4;

    public bool CanSearch => true;

    public async Task<PostSearch> FindAsync(PostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.TeamGroupId))
        {
            return PostSearch.Unknown;
        }

        var channel = graph.Teams[query.TeamGroupId.Trim()].Channels[query.ChannelId];
        try
        {
            var page = query.ThreadId is { } thread
                ? await channel.Messages[thread].Replies.GetAsync(r => r.QueryParameters.Top = PageSize, cancellationToken).ConfigureAwait(false)
                : await channel.Messages.GetAsync(r => r.QueryParameters.Top = PageSize, cancellationToken).ConfigureAwait(false);
            for (var read = 1; page is not null; read++)
            {
                var messages = page.Value ?? [];
                if (messages.FirstOrDefault(m => IsThePost(m, query)) is { } post)
                {
                    return new PostSearch(PostSearchResult.Posted, post.Id);
                }

                if (page.OdataNextLink is not { } next || ReachesBack(messages, query.NotBefore))
                {
                    return PostSearch.NotPosted;
                }

                if (read == MaxPages)
                {
                    LogTooManyMessages(query.ChannelId, MaxPages * PageSize);
                    return PostSearch.Unknown;
                }

                page = await channel.Messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false); // an absolute link, messages or replies
            }

            return PostSearch.NotPosted;
        }
        catch (Exception ex) when (GraphErrors.IsFailure(ex, cancellationToken))
        {
            LogUnreadable(query.ChannelId, GraphErrors.StatusOf(ex), GraphErrors.ErrorCodeOf(ex));
            return PostSearch.Unknown;
        }
    }

    private bool IsThePost(ChatMessage message, PostQuery query) =>
        string.Equals(message.From?.Application?.Id, bot.Value.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
        && message.CreatedDateTime >= query.NotBefore
        && Texts(message).Any(text => query.Markers.All(marker => text.Contains(marker, StringComparison.Ordinal)));

    private static IEnumerable<string> Texts(ChatMessage message)
    {
        if (message.Body?.Content is { } body)
        {
            yield return body;
        }

        foreach (var attachment in message.Attachments ?? [])
        {
            if (attachment.Content is { } content)
            {
                yield return content;
            }
        }
    }

    /// <summary>The page is newest first and its oldest message is older than <paramref name="notBefore"/>: nothing later is on the next pages.</summary>
    private static bool ReachesBack(List<ChatMessage> messages, DateTimeOffset notBefore)
    {
        var times = messages.Select(m => m.CreatedDateTime).ToList();
        if (times.Count == 0 || times.Any(t => t is null))
        {
            return false;
        }

        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] > times[i - 1])
            {
                return false;
            }
        }

        return times[^1] < notBefore;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The messages of channel {ConversationId} could not be read from Microsoft Graph (HTTP {StatusCode}, {ErrorCode}): an interrupted send is settled without them")]
    private partial void LogUnreadable(string conversationId, int statusCode, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ConversationId} has more than {Count} messages since an interrupted send: it is settled without them")]
    private partial void LogTooManyMessages(string conversationId, int count);
}
