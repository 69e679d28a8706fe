using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>The vote card built from a <see cref="VoteState"/>: the shared view, or one person's own view.</summary>
public static class VoteViews
{
    /// <summary>The card everyone sees (no choice marked), with refresh for the creator and latest named voters.</summary>
    public static AdaptiveCard Shared(VoteState state, IReadOnlyList<RosterMember>? roster, string? notice = null)
    {
        // The shared card keeps the vote's language and zone, whoever's action updates it.
        using var locale = state.Vote.Locale?.Use();
        return For(state, null, roster, notice);
    }

    /// <summary>A person's own view: <paramref name="myValue"/> marked (null: they have not voted).</summary>
    public static AdaptiveCard For(VoteState state, int? myValue, IReadOnlyList<RosterMember>? roster, string? notice = null)
    {
        var ballots = state.ShownBallots;
        return VoteCard.Build(
            state.Vote,
            state.Tally,
            ballots,
            myValue,
            state.Concerns,
            notice,
            Participation.Of(state.Vote, ballots, roster) is { } participation && participation.Voted == state.Tally.Count ? participation : null,
            VoteRefresh.UserIds(state.Vote, state.Ballots));
    }
}
