namespace ArtBot.Features.Sync;

/// <summary>
/// Finds the bot's own post in a channel, or in a thread of it, to settle a send that was interrupted between "about to
/// send" and "outcome recorded". The Bot Connector has no idempotency key and no way to read a post back; Microsoft
/// Graph can list a channel's messages (<see cref="GraphPostedMessages"/>).
/// </summary>
public interface IPostedMessages
{
    /// <summary>False when nothing can be looked up (Graph off): every search would answer <see cref="PostSearch.Unknown"/>.</summary>
    bool CanSearch { get; }

    Task<PostSearch> FindAsync(PostQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// A post of the bot in channel <paramref name="ChannelId"/> of the team whose Microsoft 365 group is
/// <paramref name="TeamGroupId"/>: top-level, or a reply to <paramref name="ThreadId"/>; created at
/// <paramref name="NotBefore"/> or later; its text or a card attachment holds every one of <paramref name="Markers"/>.
/// </summary>
public sealed record PostQuery(string? TeamGroupId, string ChannelId, string? ThreadId, IReadOnlyList<string> Markers, DateTimeOffset NotBefore);

public enum PostSearchResult
{
    /// <summary>It cannot be told (no Graph, no group id, Graph failed, too many recent messages).</summary>
    Unknown,

    /// <summary>Every message since <see cref="PostQuery.NotBefore"/> was read and none is the post.</summary>
    NotPosted,

    /// <summary>The post is there: <see cref="PostSearch.MessageId"/>.</summary>
    Posted,
}

public sealed record PostSearch(PostSearchResult Result, string? MessageId = null)
{
    public static readonly PostSearch Unknown = new(PostSearchResult.Unknown);
    public static readonly PostSearch NotPosted = new(PostSearchResult.NotPosted);
}

/// <summary>Without Graph: nothing can be looked up.</summary>
public sealed class NoPostedMessages : IPostedMessages
{
    public bool CanSearch => false;

    public Task<PostSearch> FindAsync(PostQuery query, CancellationToken cancellationToken) => Task.FromResult(PostSearch.Unknown);
}
