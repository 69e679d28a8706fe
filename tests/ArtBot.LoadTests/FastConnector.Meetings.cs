using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ArtBot.LoadTests;

/// <summary>
/// The meeting APIs of the connector stand-in, answered at once as Teams answers them (docs: meetings-and-boards.md):
/// a meeting's details (<c>GET /v1/meetings/{id}</c>, its chat from <see cref="Meetings"/>), a participant's role
/// (<c>GET /v1/meetings/{id}/participants/{oid}</c>: <see cref="Organizer"/> organizes, every member of
/// <see cref="Members"/> attends, anyone else 404) and targeted notifications (<c>POST /v1/meetings/{id}/notification</c>:
/// 202, each call and its recipients kept).
/// </summary>
public sealed partial class FastConnector
{
    private readonly ConcurrentQueue<MeetingNotificationCall> _notifications = new();

    /// <summary>The meetings Teams knows: meeting id to the meeting's chat (a channel meeting: the channel's thread with <c>;messageid=</c>).</summary>
    public ConcurrentDictionary<string, string> Meetings { get; } = new(StringComparer.Ordinal);

    /// <summary>The Entra object id of the meetings' organizer.</summary>
    public string? Organizer { get; set; }

    /// <summary>Every targeted notification call, in arrival order.</summary>
    public IReadOnlyCollection<MeetingNotificationCall> Notifications => _notifications;

    private async Task HandleMeetingAsync(HttpContext context)
    {
        // /v1/meetings/{id}[/participants/{oid} | /notification]
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var meetingId = segments.Length > 2 ? segments[2] : "";
        if (!Meetings.TryGetValue(meetingId, out var chatId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && segments.Length == 3)
        {
            var now = DateTimeOffset.UtcNow;
            await WriteJsonAsync(context, new JsonObject
            {
                ["details"] = new JsonObject
                {
                    ["id"] = meetingId, ["title"] = "PI Planning", ["type"] = "Scheduled",
                    ["scheduledStartTime"] = now.AddHours(-1).ToString("O"), ["scheduledEndTime"] = now.AddHours(7).ToString("O"),
                    ["joinUrl"] = "https://teams.microsoft.com/l/meetup-join/" + Uri.EscapeDataString(meetingId),
                },
                ["conversation"] = new JsonObject { ["id"] = chatId, ["conversationType"] = "channel", ["isGroup"] = true },
                ["organizer"] = new JsonObject { ["id"] = "29:" + Organizer, ["aadObjectId"] = Organizer },
            }).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && segments.Length == 5 && segments[3] == "participants")
        {
            var oid = segments[4];
            var name = Members.Where(m => string.Equals(m.Aad, oid, StringComparison.OrdinalIgnoreCase)).Select(m => (string?)m.Name).FirstOrDefault();
            var organizer = string.Equals(oid, Organizer, StringComparison.OrdinalIgnoreCase);
            if (name is null && !organizer)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await WriteJsonAsync(context, new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "29:" + oid, ["aadObjectId"] = oid, ["name"] = name ?? "Organizer" },
                ["meeting"] = new JsonObject { ["role"] = organizer ? "Organizer" : "Attendee", ["inMeeting"] = true },
                ["conversation"] = new JsonObject { ["id"] = chatId, ["conversationType"] = "channel", ["isGroup"] = true },
            }).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && segments.Length == 4 && segments[3] == "notification")
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var recipients = body.RootElement.GetProperty("value").GetProperty("recipients").EnumerateArray().Select(r => r.GetString() ?? "").ToArray();
            _notifications.Enqueue(new MeetingNotificationCall(Stopwatch.GetTimestamp(), meetingId, recipients));
            context.Response.StatusCode = recipients.Length is 0 or > 10 ? StatusCodes.Status400BadRequest : StatusCodes.Status202Accepted;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>A targeted meeting notification the stand-in received: when (<see cref="Stopwatch"/> ticks), in which meeting, to whom.</summary>
public sealed record MeetingNotificationCall(long At, string MeetingId, IReadOnlyList<string> Recipients);
