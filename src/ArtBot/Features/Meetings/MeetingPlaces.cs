using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Meetings;

namespace ArtBot.Features.Meetings;

/// <summary>
/// The meetings ArtBot is in. A meeting is recorded when Teams tells the bot of it (start, end, participants) or when a
/// page of it first asks; a channel meeting is linked to the ART of its channel (the team's, or the ART's own). What a
/// page says of a meeting is checked with Teams first: its chat must be the meeting's (so nobody links a meeting to
/// another channel's ART).
/// </summary>
public sealed partial class MeetingPlaces(
    IMeetingStore meetings,
    IArtStore arts,
    IConversationStore conversations,
    [FromKeyedServices(ConnectorClient.SingleAttempt)] ConnectorClient connector,
    ILogger<MeetingPlaces> logger)
{
    public const int MaxIdLength = 400;

    /// <summary>The stored meeting; on first sight from a page, the meeting as Teams confirms it (null: not one ArtBot is in).</summary>
    public async Task<Meeting?> FindAsync(string tenantId, string meetingId, string? chatId, bool verifyWithTeams, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(meetingId))
        {
            return null;
        }

        if (await meetings.GetAsync(tenantId, meetingId, cancellationToken) is { } stored)
        {
            return stored;
        }

        if (!IsWellFormed(chatId))
        {
            return null;
        }

        var (serviceUrl, membership) = await ReachAsync(tenantId, chatId!, null, cancellationToken);
        if (serviceUrl is null)
        {
            return null;
        }

        string? title = null;
        DateTimeOffset? end = null;
        if (verifyWithTeams)
        {
            var info = await connector.GetMeetingAsync(serviceUrl, tenantId, meetingId, cancellationToken);
            if (!info.IsSuccess)
            {
                LogNotConfirmed(info.StatusCode);
                if (info.StatusCode is 403 or 404)
                {
                    return null;
                }

                throw new MeetingUnavailableException(MeetingStrings.ErrorTeamsUnavailable);
            }

            if (!string.Equals(ConversationIds.WithoutThread(info.Value!.Conversation?.Id ?? ""), ConversationIds.WithoutThread(chatId!), StringComparison.Ordinal))
            {
                return null;
            }

            (title, end) = (info.Value.Details?.Title, info.Value.Details?.ScheduledEndTime);
        }

        return await SaveAsync(tenantId, meetingId, chatId!, serviceUrl, title, end, membership, cancellationToken);
    }

    /// <summary>Records a meeting the bot was told of in an activity (trusted: signed by the Bot Framework).</summary>
    public async Task<Meeting?> SeeAsync(Activity activity, string meetingId, string? title, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(meetingId) || activity.Conversation?.Id is not { Length: > 0 } chatId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }

        var tenantId = ConversationIds.Tenant(activity);
        var (_, membership) = await ReachAsync(tenantId, chatId, serviceUrl, cancellationToken);
        return await SaveAsync(tenantId, meetingId, chatId, serviceUrl, title, null, membership, cancellationToken);
    }

    /// <summary>The ART a meeting is linked to, with its teams; null when not linked (or the ART is gone).</summary>
    public async Task<(Art Art, IReadOnlyList<ArtTeam> Teams)?> ArtOfAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.ArtId is not { } artId || await arts.GetAsync(meeting.TenantId, artId, cancellationToken) is not { } art)
        {
            return null;
        }

        return (art, await arts.GetTeamsAsync(meeting.TenantId, artId, cancellationToken));
    }

    /// <summary>The ARTs of the tenant a private meeting could be linked to.</summary>
    public Task<IReadOnlyList<Art>> ArtsAsync(string tenantId, CancellationToken cancellationToken) => arts.ListAsync(tenantId, cancellationToken);

    public Task<Meeting?> LinkAsync(Meeting meeting, Art art, ArtTeam? team, CancellationToken cancellationToken) =>
        meetings.LinkAsync(meeting, art.Id, team?.ConversationId, team?.TeamName, cancellationToken);

    private async Task<(string? ServiceUrl, ArtMembership? Membership)> ReachAsync(string tenantId, string chatId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var conversation = ConversationIds.WithoutThread(chatId);
        var membership = await arts.FindByConversationAsync(tenantId, conversation, cancellationToken);
        serviceUrl ??= membership?.Team?.ServiceUrl ?? membership?.Art.ServiceUrl;
        if (serviceUrl is null && await conversations.GetAsync(tenantId, conversation, cancellationToken) is { Removed: false } installed)
        {
            serviceUrl = installed.ServiceUrl;
        }

        return (serviceUrl, membership);
    }

    private async Task<Meeting> SaveAsync(
        string tenantId, string meetingId, string chatId, string serviceUrl, string? title, DateTimeOffset? end, ArtMembership? membership, CancellationToken cancellationToken) =>
        await meetings.SaveAsync(new Meeting
        {
            TenantId = tenantId,
            MeetingId = meetingId,
            ChatId = chatId,
            ServiceUrl = serviceUrl,
            Title = title,
            ScheduledEnd = end,
            ArtId = membership?.Art.Id,
            TeamConversationId = membership?.Team?.ConversationId,
            TeamName = membership?.Team?.TeamName,
        }, cancellationToken);

    private static bool IsWellFormed(string? id) => id is { Length: > 0 and <= MaxIdLength } && !id.Any(char.IsControl);

    [LoggerMessage(Level = LogLevel.Information, Message = "A meeting page named a meeting Teams did not confirm (HTTP {Status})")]
    private partial void LogNotConfirmed(int status);
}

/// <summary>Teams could not answer about a meeting: the page says so (503) instead of guessing.</summary>
public sealed class MeetingUnavailableException : Exception
{
    public MeetingUnavailableException()
        : this("Teams did not answer.", null)
    {
    }

    public MeetingUnavailableException(string message)
        : this(message, null)
    {
    }

    public MeetingUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
