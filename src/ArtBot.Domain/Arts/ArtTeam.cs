using ArtBot.Domain.People;

namespace ArtBot.Domain.Arts;

/// <summary>A team channel that joined an ART: where its check-in prompts go.</summary>
public sealed record ArtTeam
{
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    /// <summary>The team's channel (no thread suffix).</summary>
    public required string ConversationId { get; init; }
    public required string TeamName { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary>The Teams team the channel is in, and its Microsoft 365 group (the team's roster in Graph).</summary>
    public string? TeamsTeamId { get; init; }
    public string? AadGroupId { get; init; }
    public Person? JoinedBy { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    /// <summary>Set when the bot was removed from the channel (403/404 from Teams): skipped until it re-joins.</summary>
    public DateTimeOffset? UnreachableSince { get; init; }
}
