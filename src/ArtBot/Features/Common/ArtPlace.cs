using ArtBot.Domain.Arts;

namespace ArtBot.Features.Common;

/// <summary>
/// Where a PI objectives or dependencies command or action happens: the ART of the channel, the team when it is a team's
/// channel (null in the ART's own channel), the ART's teams, and what the person acting may do.
/// </summary>
public sealed record ArtPlace(ArtTurn Turn, Art Art, ArtTeam? Team, IReadOnlyList<ArtTeam> Teams)
{
    public DateOnly Today => Turn.Today(Art);

    public bool IsRte => Turn.IsRte(Art);

    /// <summary>Business Owners and RTEs set business values.</summary>
    public bool MaySetValues => IsRte || Turn.Activity.IsBusinessOwnerOf(Art);

    /// <summary>The ART of the turn's channel with its teams; null when the channel belongs to no ART.</summary>
    public static async Task<ArtPlace?> ResolveAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            return null;
        }

        var teams = await turn.Store.GetTeamsAsync(turn.TenantId, membership.Art.Id, cancellationToken);
        return new ArtPlace(turn, membership.Art, membership.Team, teams);
    }

    /// <summary>
    /// The team a card action names, if this channel may act for it: a team's channel acts for itself only, the ART's
    /// channel for any of its teams.
    /// </summary>
    public ArtTeam? TeamFor(string? conversationId) =>
        conversationId is null ? Team
        : Team is { } own ? (own.ConversationId == conversationId ? own : null)
        : Teams.FirstOrDefault(t => t.ConversationId == conversationId);
}
