namespace ArtBot.Domain.Meetings;

/// <summary>
/// A Teams meeting ArtBot was added to, and the ART (and team) it is linked to: a channel meeting of an ART's team is
/// linked to it by its channel; a private meeting by its organizer choosing the ART in the side panel.
/// </summary>
public sealed record Meeting
{
    public required string TenantId { get; init; }
    /// <summary>Teams' meeting id (the participant and notification APIs take it).</summary>
    public required string MeetingId { get; init; }
    /// <summary>The meeting's chat: a private meeting's <c>19:meeting_…</c> chat, or a channel meeting's thread (<c>…;messageid=…</c>).</summary>
    public required string ChatId { get; init; }
    public required string ServiceUrl { get; init; }
    public string? Title { get; init; }
    public string? ArtId { get; init; }
    /// <summary>The team channel of a team's meeting (no thread suffix); null for an ART-wide meeting.</summary>
    public string? TeamConversationId { get; init; }
    public string? TeamName { get; init; }
    public DateTimeOffset? ScheduledEnd { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Storage's version of the row (optimistic concurrency).</summary>
    public string? Version { get; init; }

    public bool IsLinked => ArtId is not null;
}
