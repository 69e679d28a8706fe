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

/// <summary>Notification settings of an outgoing message.</summary>
public sealed record NotificationInfo(bool? Alert);
