using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace ArtBot.IntegrationTests.Infrastructure;

// The meeting APIs as Teams answers them (meetings-and-boards.md), every answer built from Microsoft's documented payloads
// (Fixtures/Meetings): GET /v1/meetings/{id}/participants/{pid}?tenantId=, GET /v1/meetings/{id}, POST /v1/meetings/{id}/notification.
public sealed partial class RecordingConnector
{
    /// <summary>The meetings Teams knows, by meeting id; a meeting not here answers 404 as an expired or unknown one.</summary>
    public ConcurrentDictionary<string, MeetingStandIn> Meetings { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces) a meeting whose chat is <paramref name="chatId"/>; set its participants and switches on the result.</summary>
    public MeetingStandIn AddMeeting(string meetingId, string chatId, bool channelMeeting = false)
    {
        var meeting = new MeetingStandIn(meetingId, chatId, channelMeeting);
        Meetings[meetingId] = meeting;
        return meeting;
    }

    private async Task<bool> TryAnswerMeetingAsync(HttpContext context, RecordedRequest request)
    {
        // Kestrel leaves %2F encoded in the path, so a base64 meeting id splits cleanly into one segment.
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments is not ["v1", "meetings", var meetingId, ..])
        {
            return false;
        }

        var answer = (request.Method, segments.Length, segments.ElementAtOrDefault(3)) switch
        {
            ("GET", 5, "participants") => Participant(meetingId, segments[4], context.Request.Query["tenantId"].ToString()),
            ("GET", 3, _) => Details(meetingId),
            ("POST", 4, "notification") => Notification(meetingId, request.Body),
            _ => null,
        };
        if (answer is null)
        {
            return false;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Body is { } body)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }

        return true;
    }

    private MeetingAnswer Participant(string meetingId, string participantId, string tenantId)
    {
        if (tenantId.Length == 0)
        {
            return Error(400, MeetingPayloads.TooManyRecipients, "tenantId is required.");
        }

        if (!Meetings.TryGetValue(meetingId, out var meeting))
        {
            return Error(404, MeetingPayloads.MeetingNotFound);
        }

        if (meeting.ParticipantPermissionMissing)
        {
            return Error(403, MeetingPayloads.NotEnoughPermissions);
        }

        if (meeting.TooLargeForRoles)
        {
            return Error(404, MeetingPayloads.ParticipantsNotAvailable);
        }

        if (meeting.Find(participantId) is not { } participant)
        {
            return Error(404, MeetingPayloads.ParticipantNotFound);
        }

        var body = MeetingPayloads.Load(MeetingPayloads.Participant);
        var user = body["user"]!.AsObject();
        foreach (var personal in new[] { "givenName", "surname", "email" })
        {
            user.Remove(personal);
        }

        user["id"] = participant.Id;
        Set(user, "aadObjectId", participant.AadObjectId);
        user["name"] = participant.Name;
        Set(user, "userPrincipalName", participant.UserPrincipalName);
        user["tenantId"] = tenantId;
        body["meeting"] = new JsonObject { ["role"] = participant.Role, ["inMeeting"] = participant.InMeeting };
        body["conversation"] = meeting.Conversation();
        return new(200, body);
    }

    private MeetingAnswer Details(string meetingId)
    {
        if (!Meetings.TryGetValue(meetingId, out var meeting))
        {
            return Error(404, MeetingPayloads.MeetingNotFound);
        }

        var body = MeetingPayloads.Load(meeting.ChannelMeeting ? MeetingPayloads.DetailsChannel : MeetingPayloads.DetailsPrivate);
        var details = body["details"]!.AsObject();
        details["id"] = meeting.MeetingId;
        details["title"] = meeting.Title ?? details["title"]!.GetValue<string>();
        details["type"] = meeting.Type ?? details["type"]!.GetValue<string>();
        if (meeting.ScheduledStart is { } start)
        {
            details["scheduledStartTime"] = start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (meeting.ScheduledEnd is { } end)
        {
            details["scheduledEndTime"] = end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        body["conversation"] = meeting.Conversation();
        if (meeting.OrganizerId is { } organizerId)
        {
            var organizer = body["organizer"]!.AsObject();
            organizer["id"] = organizerId;
            Set(organizer, "aadObjectId", meeting.OrganizerAadObjectId);
            Set(organizer, "objectId", meeting.OrganizerAadObjectId);
        }

        return new(200, body);
    }

    private MeetingAnswer Notification(string meetingId, JsonElement? request)
    {
        if (!Meetings.TryGetValue(meetingId, out var meeting))
        {
            return Error(404, MeetingPayloads.MeetingNotFound);
        }

        if (meeting.NotificationPermissionMissing)
        {
            return Error(403, MeetingPayloads.NotEnoughPermissions);
        }

        var recipients = request is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("recipients", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(r => r.GetString() ?? "").ToList()
                : [];
        if (recipients.Count is 0 or > MeetingStandIn.MaxRecipients)
        {
            return Error(400, MeetingPayloads.TooManyRecipients);
        }

        var unreachable = recipients.Where(meeting.Unreachable.ContainsKey).ToList();
        if (unreachable.Count == 0)
        {
            return new(202, null);
        }

        if (unreachable.Count == recipients.Count)
        {
            // Documented: 404 when none of the recipients is found in the meeting's roster.
            return Error(404, MeetingPayloads.ParticipantNotFound);
        }

        var partial = MeetingPayloads.Load(MeetingPayloads.NotificationPartial);
        var template = partial["recipientsFailureInfo"]![0]!.AsObject();
        partial["recipientsFailureInfo"] = new JsonArray([.. unreachable.Select(mri => (JsonNode)new JsonObject
        {
            ["recipientMri"] = mri,
            ["errorCode"] = template["errorCode"]!.GetValue<string>(),
            ["failureReason"] = template["failureReason"]!.GetValue<string>(),
        })]);
        return new(207, partial);
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else
        {
            target[name] = value;
        }
    }

    private static MeetingAnswer Error(int status, string fixture, string? message = null)
    {
        var body = MeetingPayloads.Load(fixture);
        if (message is not null)
        {
            body["error"]!["message"] = message;
        }

        return new(status, body);
    }

    private sealed record MeetingAnswer(int Status, JsonObject? Body);
}

/// <summary>
/// A meeting as the connector stand-in answers for it: its participants (role, presence) and the switches for Teams' refusals.
/// Defaults come from the documented details answer (private or channel meeting).
/// </summary>
public sealed class MeetingStandIn(string meetingId, string chatId, bool channelMeeting)
{
    /// <summary>Teams takes at most 10 recipients per targeted notification (400 beyond).</summary>
    public const int MaxRecipients = 10;

    public string MeetingId { get; } = meetingId;
    public string ChatId { get; } = chatId;
    public bool ChannelMeeting { get; } = channelMeeting;

    public string? Title { get; set; }
    /// <summary><c>Scheduled</c>, <c>Recurring</c>, <c>ChannelScheduled</c>, ... (default: the documented answer's).</summary>
    public string? Type { get; set; }
    public DateTimeOffset? ScheduledStart { get; set; }
    public DateTimeOffset? ScheduledEnd { get; set; }
    public string? OrganizerId { get; set; }
    public string? OrganizerAadObjectId { get; set; }

    /// <summary>Participants by Teams user id (also found by Entra object id).</summary>
    public ConcurrentDictionary<string, MeetingParticipantStandIn> Participants { get; } = new(StringComparer.Ordinal);

    /// <summary>The participant API answers no one (350 people or more): the documented 404, "participants aren't available".</summary>
    public bool TooLargeForRoles { get; set; }

    /// <summary>The participant API answers 403 (the permission was not granted, or the app is not installed in the meeting).</summary>
    public bool ParticipantPermissionMissing { get; set; }

    /// <summary>Targeted notifications answer 403 (the bot isn't allowed to send them).</summary>
    public bool NotificationPermissionMissing { get; set; }

    /// <summary>Recipients Teams does not reach: a notification naming some answers 207 listing them, naming only them 404.</summary>
    public ConcurrentDictionary<string, bool> Unreachable { get; } = new(StringComparer.Ordinal);

    public MeetingStandIn Add(string id, string role, bool inMeeting = true, string? aadObjectId = null, string? name = null)
    {
        Participants[id] = new(id, aadObjectId, name ?? id, role, inMeeting);
        return this;
    }

    public MeetingStandIn MarkUnreachable(params string[] recipients)
    {
        foreach (var recipient in recipients)
        {
            Unreachable[recipient] = true;
        }

        return this;
    }

    internal MeetingParticipantStandIn? Find(string id) =>
        Participants.TryGetValue(id, out var participant)
            ? participant
            : Participants.Values.FirstOrDefault(p => string.Equals(p.AadObjectId, id, StringComparison.OrdinalIgnoreCase));

    internal JsonObject Conversation() => new()
    {
        ["isGroup"] = true,
        ["conversationType"] = ChannelMeeting ? "channel" : "groupChat",
        ["id"] = ChatId,
    };
}

/// <summary>A meeting participant: Teams user id, role (<c>Organizer</c>, <c>Presenter</c>, <c>Attendee</c>) and presence.</summary>
public sealed record MeetingParticipantStandIn(string Id, string? AadObjectId, string Name, string Role, bool InMeeting)
{
    public string? UserPrincipalName { get; init; }
}
