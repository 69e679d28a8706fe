using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>The connector's answer to a send or update: the activity id.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

/// <summary>Answer of <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>A member of a Teams conversation or team, with its Entra ID fields.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>One page of <c>GET /v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed record PagedMembersResult(IList<TeamsChannelAccount>? Members, string? ContinuationToken);

/// <summary>Answer of <c>GET /v3/teams/{teamId}</c>.</summary>
public sealed record TeamDetails
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
    public int? ChannelCount { get; init; }
    public int? MemberCount { get; init; }
    public string? Type { get; init; }
}

/// <summary>Answer of <c>GET /v3/teams/{teamId}/conversations</c>.</summary>
public sealed record ConversationList(IList<ChannelInfo>? Conversations);

/// <summary>The connector's error body.</summary>
public sealed record ErrorResponse(ErrorDetail? Error);

/// <summary>Code and message of a connector error.</summary>
public sealed record ErrorDetail(string? Code, string? Message);
