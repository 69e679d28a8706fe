using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace ArtBot.EndToEnd;

// The meeting APIs and the paged roster as Teams answers them, each answer built from Microsoft's documented payloads
// (tests/ArtBot.UnitTests/Fixtures/Meetings, MeetingPayloads): GET /v1/meetings/{id}, GET /v1/meetings/{id}/participants/
// {id}?tenantId=, POST /v1/meetings/{id}/notification, GET /v3/conversations/{id}/pagedmembers.
public sealed partial class TeamsConnectorStandIn
{
    private const string NotificationPath = "/notification";

    /// <summary>The meetings Teams knows, by meeting id; any other meeting answers the documented 404.</summary>
    public ConcurrentDictionary<string, MeetingInTeams> Meetings { get; } = new(StringComparer.Ordinal);

    /// <summary>The targeted meeting notifications the bot sent, in order (whatever Teams answered).</summary>
    public IReadOnlyList<MeetingNotificationSent> MeetingNotifications => [.. _calls.Select(NotificationOf).OfType<MeetingNotificationSent>()];

    /// <summary>Adds a scheduled channel meeting whose chat is <paramref name="chatId"/> (the channel's meeting thread).</summary>
    public MeetingInTeams AddChannelMeeting(string meetingId, string chatId, string title, TeamsUser organizer)
    {
        var meeting = new MeetingInTeams(meetingId, chatId, title, organizer);
        meeting.Add(organizer, "Organizer");
        Meetings[meetingId] = meeting;
        return meeting;
    }

    /// <summary>The first targeted meeting notification matching <paramref name="match"/>, as soon as the bot sends it (or has).</summary>
    public async Task<MeetingNotificationSent> WaitForMeetingNotificationAsync(Func<MeetingNotificationSent, bool> match, string what) =>
        NotificationOf(await WaitForAsync(c => NotificationOf(c) is { } sent && match(sent), what))!;

    private async Task<bool> TryAnswerMeetingAsync(HttpContext context, ConnectorCall call)
    {
        // Kestrel leaves %2F encoded in the path, so a base64 meeting id stays one segment.
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments is not ["v1", "meetings", var meetingId, .. var rest])
        {
            return false;
        }

        var (status, body) = (call.Method, rest, Meetings.GetValueOrDefault(meetingId)) switch
        {
            ("GET", [], { } meeting) => (200, Details(meeting)),
            ("GET", ["participants", var participant], { } meeting) => Participant(meeting, participant, context.Request.Query["tenantId"].ToString()),
            ("POST", ["notification"], { } meeting) => Notify(meeting, NotificationOf(call)!),
            _ => Error(404, MeetingPayloads.MeetingNotFound), // an unknown (or ended and expired) meeting
        };
        context.Response.StatusCode = status;
        if (body is not null)
        {
            await context.Response.WriteAsync(body.ToJsonString());
        }

        return true;
    }

    /// <summary>One page of the conversation's members (everyone in <see cref="Roster"/>), as many as <c>pageSize</c> asks (50..500).</summary>
    private async Task<bool> TryAnswerPagedMembersAsync(HttpContext context, ConnectorCall call)
    {
        if (!HttpMethods.IsGet(call.Method) || call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is not ["v3", "conversations", _, "pagedmembers"])
        {
            return false;
        }

        var size = int.TryParse(context.Request.Query["pageSize"], CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 50, 500) : 200;
        var from = int.TryParse(context.Request.Query["continuationToken"], CultureInfo.InvariantCulture, out var next) ? next : 0;
        var members = Roster.Values.OrderBy(u => u.ObjectId, StringComparer.Ordinal).ToList();
        var page = members.Skip(from).Take(size).ToList();
        var body = new JsonObject { ["members"] = new JsonArray([.. page.Select(u => (JsonNode)Member(u))]) };
        if (from + page.Count < members.Count)
        {
            body["continuationToken"] = (from + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsync(body.ToJsonString());
        return true;
    }

    private static JsonObject Details(MeetingInTeams meeting)
    {
        var body = MeetingPayloads.Load(MeetingPayloads.DetailsChannel);
        var details = body["details"]!.AsObject();
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        details["id"] = meeting.MeetingId;
        details["title"] = meeting.Title;
        details["scheduledStartTime"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        details["scheduledEndTime"] = start.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        details["joinUrl"] = meeting.JoinUrl;
        details.Remove("msGraphResourceId"); // names the documented meeting; the bot does not read it
        body["conversation"]!["id"] = meeting.ChatId;
        var organizer = body["organizer"]!.AsObject();
        organizer["id"] = meeting.Organizer.TeamsId;
        organizer["objectId"] = meeting.Organizer.ObjectId;
        organizer["aadObjectId"] = meeting.Organizer.ObjectId;
        organizer["tenantId"] = meeting.Organizer.TenantId;
        return body;
    }

    private static (int, JsonObject?) Participant(MeetingInTeams meeting, string participantId, string tenantId)
    {
        if (tenantId.Length == 0)
        {
            return Error(400, MeetingPayloads.TooManyRecipients, "tenantId is required.");
        }

        if (meeting.Find(participantId) is not { } participant)
        {
            return Error(404, MeetingPayloads.ParticipantNotFound);
        }

        var body = MeetingPayloads.Load(MeetingPayloads.Participant);
        var user = Member(participant.User);
        user["tenantId"] = tenantId;
        body["user"] = user;
        body["meeting"] = new JsonObject { ["role"] = participant.Role, ["inMeeting"] = true };
        body["conversation"] = new JsonObject { ["id"] = meeting.ChatId, ["conversationType"] = "channel", ["isGroup"] = true };
        return (200, body);
    }

    /// <summary>202 when Teams reaches every recipient; 207 naming those not in the meeting; 404 when it reaches none.</summary>
    private static (int, JsonObject?) Notify(MeetingInTeams meeting, MeetingNotificationSent sent)
    {
        if (sent.Recipients.Count is 0 or > 10)
        {
            return Error(400, MeetingPayloads.TooManyRecipients);
        }

        var missing = sent.Recipients.Where(r => meeting.Find(r) is null).ToList();
        if (missing.Count == 0)
        {
            return (202, null);
        }

        if (missing.Count == sent.Recipients.Count)
        {
            return Error(404, MeetingPayloads.ParticipantNotFound);
        }

        var partial = MeetingPayloads.Load(MeetingPayloads.NotificationPartial);
        var failure = partial["recipientsFailureInfo"]![0]!;
        partial["recipientsFailureInfo"] = new JsonArray([.. missing.Select(mri => (JsonNode)new JsonObject
        {
            ["recipientMri"] = mri,
            ["errorCode"] = failure["errorCode"]!.GetValue<string>(),
            ["failureReason"] = failure["failureReason"]!.GetValue<string>(),
        })]);
        return (207, partial);
    }

    /// <summary>The targeted notification a call sent (<c>POST /v1/meetings/{id}/notification</c>), or null for any other call.</summary>
    private static MeetingNotificationSent? NotificationOf(ConnectorCall call)
    {
        const string prefix = "/v1/meetings/";
        if (call.Method != "POST" || !call.Path.StartsWith(prefix, StringComparison.Ordinal) || !call.Path.EndsWith(NotificationPath, StringComparison.Ordinal))
        {
            return null;
        }

        var body = JsonNode.Parse(call.Body.Length == 0 ? "{}" : call.Body);
        var value = body?["value"];
        var surface = value?["surfaces"]?.AsArray().FirstOrDefault();
        return new MeetingNotificationSent(
            call.Path[prefix.Length..^NotificationPath.Length],
            [.. value?["recipients"]?.AsArray().Select(r => r?.GetValue<string>() ?? "") ?? []],
            surface?["surface"]?.GetValue<string>(),
            surface?["content"]?["value"]?["url"]?.GetValue<string>());
    }

    private static (int, JsonObject?) Error(int status, string fixture, string? message = null)
    {
        var body = MeetingPayloads.Load(fixture);
        if (message is not null)
        {
            body["error"]!["message"] = message;
        }

        return (status, body);
    }
}

/// <summary>A scheduled channel meeting as Teams knows it: its chat (the channel's meeting thread), organizer and participants' roles.</summary>
public sealed class MeetingInTeams(string meetingId, string chatId, string title, TeamsUser organizer)
{
    private readonly ConcurrentDictionary<string, MeetingParticipantInTeams> _participants = new(StringComparer.OrdinalIgnoreCase);

    public string MeetingId { get; } = meetingId;

    public string ChatId { get; } = chatId;

    public string Title { get; } = title;

    public TeamsUser Organizer { get; } = organizer;

    /// <summary>The join link Teams gives a channel meeting: its channel and root message.</summary>
    public string JoinUrl
    {
        get
        {
            var parts = ChatId.Split(";messageid=");
            return $"https://teams.microsoft.com/l/meetup-join/{Uri.EscapeDataString(parts[0])}/{(parts.Length > 1 ? parts[1] : "0")}";
        }
    }

    /// <summary>Adds (or changes) a participant: <c>Organizer</c>, <c>Presenter</c> or <c>Attendee</c>.</summary>
    public MeetingInTeams Add(TeamsUser user, string role)
    {
        _participants[user.ObjectId] = new(user, role);
        return this;
    }

    /// <summary>A participant by Entra object id or Teams user id (<c>29:</c>).</summary>
    internal MeetingParticipantInTeams? Find(string id) =>
        _participants.GetValueOrDefault(id) ?? _participants.Values.FirstOrDefault(p => p.User.TeamsId == id);
}

/// <summary>Someone in a meeting and their meeting role.</summary>
public sealed record MeetingParticipantInTeams(TeamsUser User, string Role);

/// <summary>A targeted meeting notification the bot sent: the meeting, its recipients (<c>29:</c> ids), the surface and the page it opens.</summary>
public sealed record MeetingNotificationSent(string MeetingId, IReadOnlyList<string> Recipients, string? Surface, string? Url);
