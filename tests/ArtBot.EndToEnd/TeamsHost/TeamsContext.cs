using System.Text.Json.Nodes;

namespace ArtBot.EndToEnd;

/// <summary>
/// Where a page is open in Teams, as <c>app.getContext()</c> reports it: the language and theme, the tab (entity), the
/// team and channel, the chat, the meeting and the user's role in it. The user and tenant are the host's signed-in user.
/// Start from <see cref="InChannel"/>, <see cref="InChat"/>, <see cref="InMeeting"/> or <see cref="Personal"/> and change
/// with <c>with</c>.
/// </summary>
public sealed record TeamsContext
{
    public string Locale { get; init; } = "en-US";

    /// <summary><c>default</c>, <c>dark</c> or <c>contrast</c>.</summary>
    public string Theme { get; init; } = "default";

    /// <summary>The tab's entity id (<c>page.id</c>).</summary>
    public string? EntityId { get; init; }

    public string? SubEntityId { get; init; }

    /// <summary>The team's thread id (<c>team.internalId</c>).</summary>
    public string? TeamId { get; init; }

    public string? TeamName { get; init; }

    /// <summary>The team's Microsoft 365 group (<c>team.groupId</c>).</summary>
    public string? GroupId { get; init; }

    public string? ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public string? ChatId { get; init; }

    public string? MeetingId { get; init; }

    public string MeetingTitle { get; init; } = "PI Planning";

    /// <summary>The user's role in the meeting: <c>Organizer</c>, <c>Presenter</c> or <c>Attendee</c> (who may share to the stage).</summary>
    public string MeetingRole { get; init; } = "Organizer";

    /// <summary><c>web</c>, <c>desktop</c>, <c>android</c>, <c>ios</c>…</summary>
    public string HostClientType { get; init; } = "web";

    /// <summary>A channel tab of a team.</summary>
    public static TeamsContext InChannel(string teamId, string teamName, string channelId, string channelName, string? groupId = null) => new()
    {
        EntityId = "artroom",
        TeamId = teamId,
        TeamName = teamName,
        GroupId = groupId ?? Guid.Empty.ToString(),
        ChannelId = channelId,
        ChannelName = channelName,
    };

    /// <summary>A tab of a group chat.</summary>
    public static TeamsContext InChat(string chatId) => new() { EntityId = "artroom", ChatId = chatId };

    /// <summary>A scheduled private meeting: its id and its chat (a channel meeting also has the channel: add it with <c>with</c>).</summary>
    public static TeamsContext InMeeting(string meetingId, string chatId, string role = "Organizer") => new()
    {
        EntityId = "artroom",
        MeetingId = meetingId,
        ChatId = chatId,
        MeetingRole = role,
    };

    /// <summary>A personal tab (<paramref name="entityId"/> is the manifest's <c>staticTabs</c> entity).</summary>
    public static TeamsContext Personal(string entityId) => new() { EntityId = entityId };

    /// <summary>Organizers and presenters may share to the stage; attendees may not.</summary>
    public bool MayShareToStage => MeetingId is not null && MeetingRole is "Organizer" or "Presenter";

    /// <summary>
    /// The context as Teams sends it over teams-js (the flat v1 shape, which teams-js 2 turns into <c>app.Context</c>).
    /// </summary>
    public JsonObject ToWire(TeamsUser user, string frameContext, string sessionId)
    {
        var wire = new JsonObject
        {
            ["locale"] = Locale,
            ["theme"] = Theme,
            ["frameContext"] = frameContext,
            ["entityId"] = EntityId,
            ["subEntityId"] = SubEntityId,
            ["userObjectId"] = user.ObjectId,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["loginHint"] = user.UserPrincipalName,
            ["userDisplayName"] = user.Name,
            ["userLicenseType"] = "Unknown",
            ["tid"] = user.TenantId,
            ["tenantSKU"] = "enterprise",
            ["hostName"] = "Teams",
            ["hostClientType"] = HostClientType,
            ["sessionId"] = sessionId,
            ["appSessionId"] = sessionId,
            ["ringId"] = "general",
            ["isFullScreen"] = false,
            ["isMultiWindow"] = false,
            ["appIconPosition"] = 0,
        };
        if (TeamId is not null)
        {
            wire["teamId"] = TeamId;
            wire["teamName"] = TeamName;
            wire["teamType"] = 0;
            wire["groupId"] = GroupId;
            wire["userTeamRole"] = 1;
        }

        if (ChannelId is not null)
        {
            wire["channelId"] = ChannelId;
            wire["channelName"] = ChannelName;
            wire["channelType"] = "Regular";
            wire["hostTeamGroupId"] = GroupId;
            wire["hostTeamTenantId"] = user.TenantId;
        }

        if (ChatId is not null)
        {
            wire["chatId"] = ChatId;
        }

        if (MeetingId is not null)
        {
            wire["meetingId"] = MeetingId;
        }

        return wire;
    }
}
