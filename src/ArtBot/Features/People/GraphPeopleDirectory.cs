using System.Net;
using ArtBot.BotFramework.Http;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Polly;
using Polly.Retry;
using TeamMember = ArtBot.Domain.People.TeamMember;

namespace ArtBot.Features.People;

/// <summary>
/// The directory from Microsoft Graph (app-only): a team's people are the user members of its Microsoft 365 group
/// (<c>/groups/{id}/members</c>, paged); out of office is read from each person's mailbox settings in JSON batches
/// of 20. Rosters and settings are kept in the app's <see cref="IMemoryCache"/> for <see cref="GraphOptions.CacheDuration"/>.
/// Throttling: the outgoing resilience pipeline of the Graph HttpClient retries whole requests after their Retry-After;
/// a throttled item inside a batch is retried here after its Retry-After.
/// A team without a group id, or whose group cannot be read, gets the connector's roster instead.
/// </summary>
public sealed partial class GraphPeopleDirectory : IPeopleDirectory, IDisposable
{
    /// <summary>Graph's limit of requests in one JSON batch.</summary>
    internal const int BatchSize = 20;

    /// <summary>How many times throttled batch items are tried again.</summary>
    internal const int MaxThrottledRounds = 3;

    internal const int MembersPageSize = 999;

    private static readonly string[] MemberFields = ["id", "displayName", "mail", "userPrincipalName"];
    private static readonly string[] MailboxFields = ["automaticRepliesSetting"];
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly GraphServiceClient _graph;
    private readonly IPeopleDirectory _fallback;
    private readonly GraphOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GraphPeopleDirectory> _logger;
    private readonly IMemoryCache _cache;
    private readonly ResiliencePipeline<ThrottledItems> _throttledItems;

    public GraphPeopleDirectory(
        GraphServiceClient graph, IPeopleDirectory fallback, IOptions<GraphOptions> options, IMemoryCache cache, TimeProvider time, ILogger<GraphPeopleDirectory> logger)
    {
        _graph = graph;
        _fallback = fallback;
        _options = options.Value;
        _cache = cache;
        _time = time;
        _logger = logger;

        // Graph answers a JSON batch 200 with a status per item, which the HTTP pipeline cannot see: its throttled items are retried here, after their Retry-After.
        _throttledItems = new ResiliencePipelineBuilder<ThrottledItems> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<ThrottledItems>
            {
                MaxRetryAttempts = MaxThrottledRounds - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Ids.Count: > 0 } round && round.RetryAfter <= _options.MaxRetryAfter),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Result!.RetryAfter),
                OnRetry = args =>
                {
                    LogThrottled(args.Outcome.Result!.Ids.Count, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    public bool UsesGraph => true;

    public async Task<IReadOnlyList<TeamMember>> GetTeamMembersAsync(ArtTeam team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (string.IsNullOrWhiteSpace(team.AadGroupId))
        {
            LogNoGroup(team.ConversationId);
            return await _fallback.GetTeamMembersAsync(team, cancellationToken).ConfigureAwait(false);
        }

        var groupId = team.AadGroupId.Trim();
        var key = new GroupMembersKey(groupId);
        if (_cache.TryGetValue(key, out IReadOnlyList<TeamMember>? cached))
        {
            return cached!;
        }

        try
        {
            var people = await ReadGroupMembersAsync(groupId, cancellationToken).ConfigureAwait(false);
            _cache.Keep(key, people, _options.CacheDuration);
            return people;
        }
        catch (Exception ex) when (GraphErrors.IsFailure(ex, cancellationToken))
        {
            LogGroupUnavailable(groupId, GraphErrors.StatusOf(ex), GraphErrors.ErrorCodeOf(ex));
            return await _fallback.GetTeamMembersAsync(team, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlySet<string>> GetOutOfOfficeAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var now = _time.GetUtcNow();
        var away = new HashSet<string>(StringComparer.Ordinal);
        var toRead = new List<string>();
        foreach (var id in userIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue(new AutomaticRepliesKey(id), out AutomaticReplies? replies))
            {
                if (replies!.IsOnAt(now))
                {
                    away.Add(id);
                }
            }
            else
            {
                toRead.Add(id);
            }
        }

        foreach (var chunk in toRead.Chunk(BatchSize))
        {
            var read = await ReadAutomaticRepliesAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var (id, replies) in read)
            {
                if (replies.IsOnAt(now))
                {
                    away.Add(id);
                }
            }
        }

        return away;
    }

    public void Dispose() => _graph.Dispose();

    private async Task<IReadOnlyList<TeamMember>> ReadGroupMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var people = new List<TeamMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = _graph.Groups[groupId].Members;
        var page = await members.GetAsync(
            request =>
            {
                request.QueryParameters.Select = MemberFields;
                request.QueryParameters.Top = MembersPageSize;
            },
            cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            foreach (var member in page.Value ?? [])
            {
                // Users only: devices, contacts, service principals and nested groups are not people of the team.
                if (member is User { Id: { Length: > 0 } id } user && seen.Add(id))
                {
                    var name = FirstOf(user.DisplayName, user.UserPrincipalName, user.Mail) ?? id;
                    people.Add(new TeamMember(id, name, Email: FirstOf(user.Mail, user.UserPrincipalName)));
                }
            }

            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                break;
            }

            page = await members.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return people;
    }

    /// <summary>One batch of at most 20 people; throttled items are tried again after their Retry-After.</summary>
    private async Task<Dictionary<string, AutomaticReplies>> ReadAutomaticRepliesAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, AutomaticReplies>(StringComparer.Ordinal);
        IReadOnlyList<string> pending = userIds;
        var last = await _throttledItems.ExecuteAsync(
            async token =>
            {
                var round = await ReadBatchAsync(pending, read, token).ConfigureAwait(false);
                pending = round.Ids;
                return round;
            },
            cancellationToken).ConfigureAwait(false);
        if (last.Ids.Count > 0)
        {
            LogThrottledGivenUp(last.Ids.Count, last.RetryAfter);
        }

        return read;
    }

    /// <summary>One JSON batch: what it read goes into <paramref name="read"/>; the items Graph throttled come back with the longest Retry-After among them.</summary>
    private async Task<ThrottledItems> ReadBatchAsync(IReadOnlyList<string> pending, Dictionary<string, AutomaticReplies> read, CancellationToken cancellationToken)
    {
        var throttled = new List<string>();
        TimeSpan? retryAfter = null;
        try
        {
            var batch = new BatchRequestContentCollection(_graph, BatchSize);
            var steps = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var id in pending)
            {
                var request = _graph.Users[id].MailboxSettings.ToGetRequestInformation(r => r.QueryParameters.Select = MailboxFields);
                steps[await batch.AddBatchRequestStepAsync(request).ConfigureAwait(false)] = id;
            }

            var response = await _graph.Batch.PostAsync(batch, cancellationToken).ConfigureAwait(false);
            var statuses = await response.GetResponsesStatusCodesAsync().ConfigureAwait(false);
            foreach (var (step, id) in steps)
            {
                var status = statuses.TryGetValue(step, out var code) ? code : (HttpStatusCode)0;
                if (status == HttpStatusCode.OK)
                {
                    var settings = await response.GetResponseByIdAsync<MailboxSettings>(step).ConfigureAwait(false);
                    Remember(read, id, AutomaticReplies.From(settings));
                }
                else if (TransientHttp.IsRetryable((int)status))
                {
                    throttled.Add(id);
                    using var item = await response.GetResponseByIdAsync(step).ConfigureAwait(false);
                    var wait = (item is null ? null : TransientHttp.RetryAfter(item.Headers, _time)) ?? DefaultRetryAfter;
                    retryAfter = retryAfter is null || wait > retryAfter ? wait : retryAfter;
                }
                else if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    // No mailbox, or no access to it: counts as not away (remembered, so it is not asked again at once).
                    Remember(read, id, AutomaticReplies.Off);
                }
                else
                {
                    LogSettingsUnreadable((int)status);
                }
            }
        }
        catch (Exception ex) when (GraphErrors.IsFailure(ex, cancellationToken))
        {
            LogBatchFailed(pending.Count, GraphErrors.StatusOf(ex), GraphErrors.ErrorCodeOf(ex));
            return ThrottledItems.None;
        }

        return new ThrottledItems(throttled, retryAfter ?? TimeSpan.Zero);
    }

    private void Remember(Dictionary<string, AutomaticReplies> read, string id, AutomaticReplies replies)
    {
        read[id] = replies;
        _cache.Keep(new AutomaticRepliesKey(id), replies, _options.CacheDuration);
    }

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private sealed record GroupMembersKey(string GroupId);

    private sealed record AutomaticRepliesKey(string UserId);

    /// <summary>The items of a batch Graph throttled, and the longest Retry-After it asked for them.</summary>
    private sealed record ThrottledItems(IReadOnlyList<string> Ids, TimeSpan RetryAfter)
    {
        public static readonly ThrottledItems None = new([], TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ConversationId} has no Microsoft 365 group id: its roster comes from the Bot Connector")]
    private partial void LogNoGroup(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The members of group {GroupId} could not be read from Microsoft Graph (HTTP {StatusCode}, {ErrorCode}): using the Bot Connector's roster")]
    private partial void LogGroupUnavailable(string groupId, int statusCode, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic replies of {Count} people could not be read from Microsoft Graph (HTTP {StatusCode}, {ErrorCode}): they count as not away")]
    private partial void LogBatchFailed(int count, int statusCode, string errorCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A person's mailbox settings answered HTTP {StatusCode}: not away")]
    private partial void LogSettingsUnreadable(int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Microsoft Graph throttled {Count} mailbox-settings reads: trying again in {RetryAfter}")]
    private partial void LogThrottled(int count, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph still throttles {Count} mailbox-settings reads (Retry-After {RetryAfter}): they count as not away for now")]
    private partial void LogThrottledGivenUp(int count, TimeSpan retryAfter);
}
