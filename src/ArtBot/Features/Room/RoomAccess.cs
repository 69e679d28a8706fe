using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Room;

/// <summary>
/// Which conversation an ART room request reads, and whether its user may: the conversation must be in the user's own
/// tenant and known to ArtBot (an ART's channel, a team's channel, or a chat it is installed in), and the user must be
/// its member, as Teams answers (cached per user and conversation). Anything else is "not found": no data, and no hint
/// whether it exists.
/// </summary>
public sealed partial class RoomAccess(
    IArtStore arts,
    IConversationStore conversations,
    [FromKeyedServices(ConnectorClient.SingleAttempt)] ConnectorClient connector,
    IMemoryCache cache,
    IOptions<RoomOptions> options,
    ILogger<RoomAccess> logger)
{
    public const int MaxConversationIdLength = 400;

    /// <summary>The place the user may read, or null (not found, or not theirs).</summary>
    public async Task<RoomPlace?> ResolveAsync(RoomUser user, string? conversation, string? localTenant, CancellationToken cancellationToken)
    {
        if (conversation is not { Length: > 0 and <= MaxConversationIdLength } || conversation.Any(char.IsControl))
        {
            return null;
        }

        var id = ConversationIds.WithoutThread(conversation);
        var (tenant, membership) = user.IsLocal ? await FindLocallyAsync(id, localTenant, cancellationToken) : (user.TenantId!, await arts.FindByConversationAsync(user.TenantId!, id, cancellationToken));
        var installed = membership is null && tenant is not null ? await conversations.GetAsync(tenant, id, cancellationToken) : null;
        var serviceUrl = membership?.Team?.ServiceUrl ?? (membership?.Art.HomeConversationId == id ? membership.Art.ServiceUrl : null) ?? installed?.ServiceUrl;
        if (tenant is null || serviceUrl is null || (membership is null && installed is not { Removed: false }))
        {
            return null;
        }

        var place = new RoomPlace(tenant, id, membership, serviceUrl) { ScopeId = installed?.TeamId ?? id };
        return user.IsLocal || await IsMemberAsync(user, place, cancellationToken) ? place : null;
    }

    /// <summary>Local development (no sign-in): the ART is found in any tenant; a chat needs its tenant given.</summary>
    private async Task<(string? Tenant, ArtMembership? Membership)> FindLocallyAsync(string conversation, string? tenant, CancellationToken cancellationToken)
    {
        await foreach (var art in arts.ListAllAsync(cancellationToken))
        {
            if (await arts.FindByConversationAsync(art.TenantId, conversation, cancellationToken) is { } membership)
            {
                return (art.TenantId, membership);
            }
        }

        return (tenant, null);
    }

    private async Task<bool> IsMemberAsync(RoomUser user, RoomPlace place, CancellationToken cancellationToken)
    {
        var key = $"room-member|{place.TenantId}|{place.ConversationId}|{user.ObjectId}";
        if (cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        var member = await connector.GetConversationMemberAsync(place.ServiceUrl, place.TenantId, place.ConversationId, user.ObjectId, cancellationToken);
        if (!member.IsSuccess && member.StatusCode is not (403 or 404))
        {
            LogMembershipUnknown(member.Kind.ToString(), member.StatusCode);
            throw new RoomUnavailableException(RoomStrings.ErrorMembershipUnconfirmed);
        }

        cache.Set(key, member.IsSuccess, options.Value.MembershipCacheTime);
        return member.IsSuccess;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ART room: membership check failed ({Kind}, HTTP {StatusCode})")]
    private partial void LogMembershipUnknown(string kind, int statusCode);
}

/// <summary>A conversation an ART room request may read: tenant, conversation, its ART (and team) if any, where Teams is reached.</summary>
public sealed record RoomPlace(string TenantId, string ConversationId, ArtMembership? Membership, string ServiceUrl)
{
    /// <summary>Where the conversation's own impediments are kept when it has no ART (its team, else itself).</summary>
    public string ScopeId { get; init; } = ConversationId;

    public Art? Art => Membership?.Art;

    public ArtTeam? Team => Membership?.Team;
}

/// <summary>Teams could not answer a membership check: the room says so (503) instead of guessing.</summary>
public sealed class RoomUnavailableException : Exception
{
    public RoomUnavailableException()
        : this("Teams did not answer.", null)
    {
    }

    public RoomUnavailableException(string message)
        : this(message, null)
    {
    }

    public RoomUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
