using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ArtBot.BotFramework.Http;
using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// The outbound Bot Connector REST client (teams-protocol.md §3). Every call names the conversation's
/// <c>serviceUrl</c> (it differs per conversation) and the tenant (for the tenant-wide rate limit).
/// Calls never throw for HTTP or network errors: they return a <see cref="ConnectorOutcome"/> or
/// <see cref="ConnectorResult{T}"/>; cancellation still throws <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// Requests go through the client's resilience pipeline (<see cref="OutgoingHttpPolicy"/>, added by
/// <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/>): each attempt first takes a client-side rate-limit
/// slot (conversation and tenant), then a token. Retried as <see cref="TransientHttp"/> says: 412, 429, 500, 502, 503, 504
/// after the Retry-After (seconds or date, up to <see cref="ConnectorOptions.MaxRetryAfter"/>) or an exponential backoff
/// with jitter, at most <see cref="ConnectorOptions.MaxRetries"/> times, for every method, as the Teams guidance says. A
/// timeout or a connection lost mid-request is retried only for GET, PUT and DELETE: a POST (send, reply, create) that
/// may have been delivered is not repeated, because that would post the message twice; it ends Failed with error code
/// <c>Timeout</c> or <c>NetworkError</c>. A POST whose connection could not even be opened is retried (nothing was delivered).
/// The keyed <see cref="SingleAttempt"/> client makes one attempt per call (same pipeline, tokens and rate limits).
/// </remarks>
public sealed partial class ConnectorClient(HttpClient http, TimeProvider time, ILogger<ConnectorClient> logger)
{
    /// <summary>The service key of the <see cref="ConnectorClient"/> that makes one HTTP attempt per call (no retries).</summary>
    public const string SingleAttempt = "single-attempt";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Whether each call makes one HTTP attempt (its caller paces and retries): the <see cref="SingleAttempt"/> client.</summary>
    internal bool SendsOnce { get; init; }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{replyToId}</c>; sets the activity's <c>replyToId</c> if unset.</summary>
    public Task<ConnectorOutcome> ReplyToActivityAsync(
        string serviceUrl, string? tenantId, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}");
        var body = AsMessage(activity) with { ReplyToId = activity.ReplyToId ?? replyToId };
        return SendActivityAsync("ReplyToActivity", HttpMethod.Post, uri, body, conversationId, tenantId, null, cancellationToken);
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>: a new message in the conversation (proactive).</summary>
    public Task<ConnectorOutcome> SendToConversationAsync(
        string serviceUrl, string? tenantId, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");
        return SendActivityAsync("SendToConversation", HttpMethod.Post, uri, AsMessage(activity), conversationId, tenantId, null, cancellationToken);
    }

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: full replacement; sets the activity's <c>id</c> if unset.</summary>
    public Task<ConnectorOutcome> UpdateActivityAsync(
        string serviceUrl, string? tenantId, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        var body = AsMessage(activity) with { Id = activity.Id ?? activityId };
        return SendActivityAsync("UpdateActivity", HttpMethod.Put, uri, body, conversationId, tenantId, activityId, cancellationToken);
    }

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c>. On success the outcome's id is <paramref name="activityId"/>.</summary>
    public async Task<ConnectorOutcome> DeleteActivityAsync(
        string serviceUrl, string? tenantId, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        var raw = await ExecuteAsync(new("DeleteActivity", HttpMethod.Delete, uri, null, conversationId, tenantId), cancellationToken).ConfigureAwait(false);
        return raw.Kind == ConnectorOutcomeKind.Sent ? Success(raw, activityId) : Failure(raw);
    }

    /// <summary>
    /// <c>POST /v3/conversations</c>. On success the outcome's <see cref="ConnectorOutcome.Id"/> is the
    /// conversation id and <see cref="ConnectorOutcome.ActivityId"/> the first activity's id (channel threads).
    /// Rate-limited under the channel id (threads) or the member id (1:1), since the new id is not known yet.
    /// </summary>
    public async Task<ConnectorOutcome> CreateConversationAsync(
        string serviceUrl, string? tenantId, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = BuildUri(serviceUrl, "v3/conversations");
        if (parameters.Activity is { } activity)
        {
            parameters = parameters with { Activity = AsMessage(activity) };
        }

        var key = parameters.ChannelData?.Channel?.Id ?? parameters.Members?.FirstOrDefault()?.Id;
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, BotJsonContext.Default.ConversationParameters);
        var raw = await ExecuteAsync(new("CreateConversation", HttpMethod.Post, uri, body, key, tenantId), cancellationToken).ConfigureAwait(false);
        if (raw.Kind != ConnectorOutcomeKind.Sent)
        {
            return Failure(raw);
        }

        var created = TryDeserialize(raw.Body, BotJsonContext.Default.ConversationResourceResponse);
        return Success(raw, created?.Id) with { ActivityId = created?.ActivityId, ServiceUrl = created?.ServiceUrl };
    }

    /// <summary>
    /// Creates (or finds: Teams answers the same id for the same user) the 1:1 chat of the bot with
    /// <paramref name="userId"/> (the <c>29:</c> id from an activity or roster). <paramref name="botId"/> is the
    /// bot's channel account id (an activity's <c>recipient.id</c>, <c>28:{appId}</c> in Teams).
    /// </summary>
    public Task<ConnectorOutcome> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, string botId, string userId, Activity? activity = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(botId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
            Activity = activity,
        };
        return CreateConversationAsync(serviceUrl, tenantId, parameters, cancellationToken);
    }

    /// <summary>
    /// Starts a new thread in the Teams channel <paramref name="channelId"/> (<c>19:…@thread.tacv2</c>) with
    /// <paramref name="activity"/> as its first message. On success <see cref="ConnectorOutcome.Id"/> is the
    /// thread's conversation id (<c>…;messageid=…</c>) and <see cref="ConnectorOutcome.ActivityId"/> the message id.
    /// </summary>
    public Task<ConnectorOutcome> CreateChannelThreadAsync(
        string serviceUrl, string tenantId, string channelId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(activity);
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = channelId } },
            Activity = activity,
            TenantId = tenantId,
        };
        return CreateConversationAsync(serviceUrl, tenantId, parameters, cancellationToken);
    }

    /// <summary><c>GET /v3/conversations/{conversationId}/members</c> (for a team roster pass the team id; prefer the paged call).</summary>
    public Task<ConnectorResult<IList<TeamsChannelAccount>>> GetConversationMembersAsync(
        string serviceUrl, string? tenantId, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members");
        return ReadAsync("GetConversationMembers", uri, conversationId, tenantId, BotJsonContext.Default.IListTeamsChannelAccount, cancellationToken);
    }

    /// <summary><c>GET /v3/conversations/{conversationId}/pagedmembers?pageSize=&amp;continuationToken=</c> (the service clamps pageSize to 50..500).</summary>
    public Task<ConnectorResult<PagedMembersResult>> GetConversationPagedMembersAsync(
        string serviceUrl, string? tenantId, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Escape(continuationToken)}");
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        return ReadAsync("GetConversationPagedMembers", BuildUri(serviceUrl, path), conversationId, tenantId, BotJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    /// <summary><c>GET /v3/conversations/{conversationId}/members/{userId}</c> (Teams user id, UPN or AAD object id).</summary>
    public Task<ConnectorResult<TeamsChannelAccount>> GetConversationMemberAsync(
        string serviceUrl, string? tenantId, string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}");
        return ReadAsync("GetConversationMember", uri, conversationId, tenantId, BotJsonContext.Default.TeamsChannelAccount, cancellationToken);
    }

    /// <summary><c>GET /v3/teams/{teamId}</c>.</summary>
    public Task<ConnectorResult<TeamDetails>> GetTeamDetailsAsync(
        string serviceUrl, string? tenantId, string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var uri = BuildUri(serviceUrl, $"v3/teams/{Escape(teamId)}");
        return ReadAsync("GetTeamDetails", uri, teamId, tenantId, BotJsonContext.Default.TeamDetails, cancellationToken);
    }

    /// <summary><c>GET /v3/teams/{teamId}/conversations</c>: the team's channels (the General channel has the team's id and no name).</summary>
    public async Task<ConnectorResult<IList<ChannelInfo>>> GetTeamChannelsAsync(
        string serviceUrl, string? tenantId, string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var uri = BuildUri(serviceUrl, $"v3/teams/{Escape(teamId)}/conversations");
        var list = await ReadAsync("GetTeamChannels", uri, teamId, tenantId, BotJsonContext.Default.ConversationList, cancellationToken).ConfigureAwait(false);
        return new ConnectorResult<IList<ChannelInfo>>
        {
            Kind = list.Kind,
            Value = list.IsSuccess ? list.Value!.Conversations ?? [] : null,
            StatusCode = list.StatusCode,
            ErrorCode = list.ErrorCode,
            Message = list.Message,
            Attempts = list.Attempts,
            RetryAfter = list.RetryAfter,
        };
    }

    /// <summary>The base URL joined with <paramref name="relativePath"/> (already escaped); a trailing <c>/</c> of the service URL is dropped.</summary>
    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        var baseUrl = serviceUrl.Trim().TrimEnd('/');
        if (!Uri.TryCreate(baseUrl + "/" + relativePath, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        return uri;
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static Activity AsMessage(Activity activity) =>
        activity.Type is null ? activity with { Type = ActivityTypes.Message } : activity;

    private async Task<ConnectorOutcome> SendActivityAsync(
        string operation, HttpMethod method, Uri uri, Activity body, string conversationId, string? tenantId, string? fallbackId, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, BotJsonContext.Default.Activity);
        var raw = await ExecuteAsync(new(operation, method, uri, bytes, conversationId, tenantId), cancellationToken).ConfigureAwait(false);
        if (raw.Kind != ConnectorOutcomeKind.Sent)
        {
            return Failure(raw);
        }

        // A 2xx without a readable id still means delivered (e.g. 202 with an empty body).
        var response = TryDeserialize(raw.Body, BotJsonContext.Default.ResourceResponse);
        return Success(raw, response?.Id ?? fallbackId);
    }

    private async Task<ConnectorResult<T>> ReadAsync<T>(
        string operation, Uri uri, string? conversationKey, string? tenantId, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var raw = await ExecuteAsync(new(operation, HttpMethod.Get, uri, null, conversationKey, tenantId), cancellationToken).ConfigureAwait(false);
        if (raw.Kind == ConnectorOutcomeKind.Sent && TryDeserialize(raw.Body, type) is { } value)
        {
            return new() { Kind = raw.Kind, Value = value, StatusCode = raw.StatusCode, Attempts = raw.Attempts };
        }

        if (raw.Kind == ConnectorOutcomeKind.Sent)
        {
            raw = raw with { Kind = ConnectorOutcomeKind.Failed, ErrorCode = "InvalidResponse", Message = "The connector's answer could not be read." };
            ConnectorLog.CallNotSucceeded(logger, operation, raw.Kind, raw.StatusCode, raw.ErrorCode, conversationKey, raw.Attempts);
        }

        return new()
        {
            Kind = raw.Kind,
            StatusCode = raw.StatusCode,
            ErrorCode = raw.ErrorCode,
            Message = raw.Message,
            Attempts = raw.Attempts,
            RetryAfter = raw.RetryAfter,
        };
    }

    private static ConnectorOutcome Success(RawResponse raw, string? id) =>
        new() { Kind = ConnectorOutcomeKind.Sent, Id = id, StatusCode = raw.StatusCode, Attempts = raw.Attempts };

    private static ConnectorOutcome Failure(RawResponse raw) => new()
    {
        Kind = raw.Kind,
        StatusCode = raw.StatusCode,
        ErrorCode = raw.ErrorCode,
        Message = raw.Message,
        Attempts = raw.Attempts,
        RetryAfter = raw.RetryAfter,
    };

    private static T? TryDeserialize<T>(byte[]? body, JsonTypeInfo<T> type)
    {
        if (body is null || body.Length == 0)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
