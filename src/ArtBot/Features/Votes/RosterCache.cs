using System.Collections.Concurrent;
using ArtBot.BotFramework.Connector;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// The members of a conversation (paged roster from the Bot Connector), cached per conversation for
/// <see cref="Lifetime"/>. A roster that cannot be read is remembered as unknown for <see cref="FailureLifetime"/>,
/// so cards then show only the count and the connector is not asked again on every ballot.
/// Not an <c>IMemoryCache</c>: concurrent callers share one read in flight, and a failed read shortens its entry's life.
/// </summary>
public sealed partial class RosterCache(ConnectorClient connector, TimeProvider time, ILogger<RosterCache> logger)
{
    private const int PageSize = 500;
    private const int MaxPages = 20;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan FailureLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The cached roster if fresh; otherwise null, and a background read is started. Never waits.</summary>
    public IReadOnlyList<RosterMember>? TryGetCached(Vote vote)
    {
        var entry = Current(vote);
        return entry.Loaded.IsCompletedSuccessfully ? entry.Loaded.Result : null;
    }

    /// <summary>The roster (read if not cached); null when it cannot be read.</summary>
    public Task<IReadOnlyList<RosterMember>?> GetAsync(Vote vote, CancellationToken cancellationToken) =>
        Current(vote).Loaded.WaitAsync(cancellationToken);

    private Entry Current(Vote vote)
    {
        var key = vote.TenantId + "|" + vote.ConversationId;
        var now = time.GetUtcNow();
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing) && existing.Expires > now)
            {
                return existing;
            }

            var fresh = new Entry(now + Lifetime);
            var added = existing is null ? _entries.TryAdd(key, fresh) : _entries.TryUpdate(key, fresh, existing);
            if (added)
            {
                _ = FillAsync(vote, fresh);
                return fresh;
            }
        }
    }

    private async Task FillAsync(Vote vote, Entry entry)
    {
        try
        {
            entry.Source.TrySetResult(await LoadAsync(vote, entry));
        }
        catch (OperationCanceledException)
        {
            entry.Source.TrySetResult(null);
        }
    }

    private async Task<IReadOnlyList<RosterMember>?> LoadAsync(Vote vote, Entry entry)
    {
        await Task.Yield();
        try
        {
            var members = new List<RosterMember>();
            string? continuation = null;
            for (var page = 0; page < MaxPages; page++)
            {
                var result = await connector.GetConversationPagedMembersAsync(
                    vote.ServiceUrl, vote.TenantId, vote.ConversationId, PageSize, continuation);
                if (!result.IsSuccess || result.Value?.Members is not { } list)
                {
                    return Failed(vote, entry, result.StatusCode);
                }

                members.AddRange(list.Where(m => m.Id is { Length: > 0 }).Select(m => new RosterMember(m.Id!, m.AadObjectId, m.Name)));
                continuation = result.Value.ContinuationToken;
                if (string.IsNullOrEmpty(continuation))
                {
                    return members;
                }
            }

            return members;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRosterError(vote.Id, exception.GetType().Name);
            return Failed(vote, entry, 0);
        }
    }

    private IReadOnlyList<RosterMember>? Failed(Vote vote, Entry entry, int status)
    {
        LogRosterUnavailable(vote.Id, status);
        entry.Expires = time.GetUtcNow() + FailureLifetime;
        return null;
    }

    private sealed class Entry(DateTimeOffset expires)
    {
        public DateTimeOffset Expires { get; set; } = expires;
        public TaskCompletionSource<IReadOnlyList<RosterMember>?> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<IReadOnlyList<RosterMember>?> Loaded => Source.Task;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster for vote {VoteId} unavailable ({Status}); showing counts only")]
    private partial void LogRosterUnavailable(string voteId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster for vote {VoteId} could not be read: {Error}")]
    private partial void LogRosterError(string voteId, string error);
}
