using ArtBot.Domain.Text;

namespace ArtBot.Domain.Votes;

/// <summary>A member of the conversation's roster.</summary>
public sealed record RosterMember(string Id, string? AadObjectId, string? Name);

/// <summary>
/// Participation against the conversation's roster: "9 of 12 voted". <see cref="NotVoted"/> names who has not voted
/// yet, only ever for named votes (empty for anonymous ones).
/// </summary>
public sealed record Participation(int Voted, int RosterSize, IReadOnlyList<string> NotVoted)
{
    /// <summary>Longest list of names shown as "not voted yet".</summary>
    public const int MaxNamesShown = 25;

    /// <summary>
    /// Participation of <paramref name="ballots"/> against <paramref name="roster"/>; null without a usable roster
    /// (then only the count is shown). Named votes match voters by Entra object id or Teams id.
    /// </summary>
    public static Participation? Of(Vote vote, IReadOnlyList<Ballot> ballots, IReadOnlyList<RosterMember>? roster)
    {
        if (roster is not { Count: > 0 } || ballots.Count > roster.Count)
        {
            return null;
        }

        if (vote.Anonymous)
        {
            return new Participation(ballots.Count, roster.Count, []);
        }

        var voted = new HashSet<string>(ballots.Where(b => b.VoterId is not null).Select(b => b.VoterId!), StringComparer.Ordinal);
        var notVoted = roster
            .Where(m => !voted.Contains(m.AadObjectId ?? "") && !voted.Contains(m.Id))
            .Select(m => m.Name is { Length: > 0 } name ? name : VoteRuleStrings.Someone)
            .Order(StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new Participation(ballots.Count, roster.Count, notVoted);
    }

    /// <summary>"9 of 12 voted".</summary>
    public string Describe() => Localized.Format(VoteRuleStrings.ParticipationVoted, Voted, RosterSize);
}
