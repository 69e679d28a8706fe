namespace ArtBot.Domain.Votes;

/// <summary>A vote with everything stored under it, read at one moment (one partition query).</summary>
public sealed record VoteState(Vote Vote, IReadOnlyList<Ballot> Ballots, IReadOnlyList<VoteConcern> Concerns, VoteFinal? Final)
{
    /// <summary>The frozen final tally once the close finished, else the tally of the ballots as read.</summary>
    public VoteTally Tally => Final?.Tally ?? VoteTally.From(Ballots.Select(b => b.Value));

    /// <summary>The ballots to show: once closed, only those the final tally counted.</summary>
    public IReadOnlyList<Ballot> ShownBallots => Final is { } final
        ? [.. Ballots.Where(b => b.Receipt is { } r && final.HasCounted(r))]
        : Ballots;
}
