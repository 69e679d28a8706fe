using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel and the event type of a conversationUpdate.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }
    public NotificationInfo? Notification { get; init; }
    /// <summary>The meeting of an activity in a meeting's chat or a meeting event.</summary>
    public MeetingRef? Meeting { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A tenant reference.</summary>
public sealed record TenantInfo(string? Id);

/// <summary>A team reference, as in channelData and team details.</summary>
public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A channel reference. The General channel has the team's id and no name.</summary>
public sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>
/// Notification settings of an outgoing message. In a meeting's chat, <see cref="AlertInMeeting"/> also shows it in
/// the meeting window, opening <see cref="ExternalResourceUrl"/> (a <c>https://teams.microsoft.com/l/bubble/…</c> link).
/// </summary>
public sealed record NotificationInfo(bool? Alert)
{
    public bool? AlertInMeeting { get; init; }
    public string? ExternalResourceUrl { get; init; }
}
