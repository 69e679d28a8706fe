using ArtBot.Domain.Arts;

namespace ArtBot.Domain.Sync;

/// <summary>What the ART sync summary shows: every team's status, what is at risk, what needs help, who has not answered.</summary>
public sealed record SyncSummary(
    IReadOnlyList<TeamCheckIn> Teams,
    IReadOnlyList<CheckInAnswer> AtRisk,
    IReadOnlyList<HelpNeeded> NeedsHelp,
    IReadOnlyList<ArtTeam> NotAnswered)
{
    public int Answered => Teams.Count(t => t.Answer is not null);

    /// <summary>Builds the summary from the ART's teams and the answers stored for the occurrence. Pure.</summary>
    public static SyncSummary Build(IReadOnlyList<ArtTeam> teams, IReadOnlyList<CheckInAnswer> answers)
    {
        var byTeam = answers.ToDictionary(a => a.TeamConversationId, StringComparer.Ordinal);
        var rows = teams
            .OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TeamCheckIn(t, byTeam.GetValueOrDefault(t.ConversationId)))
            .ToList();
        var answered = rows.Where(r => r.Answer is not null).Select(r => r.Answer!).ToList();
        var atRisk = answered.Where(a => a.Status != ObjectiveStatus.OnTrack)
            .OrderByDescending(a => a.Status).ThenBy(a => a.TeamName, StringComparer.OrdinalIgnoreCase).ToList();
        var help = answered.SelectMany(a => a.NeedingHelp().Select(x => new HelpNeeded(a, x.Kind, x.Index, x.Item))).ToList();
        var missing = rows.Where(r => r.Answer is null && r.Team.UnreachableSince is null).Select(r => r.Team).ToList();
        return new SyncSummary(rows, atRisk, help, missing);
    }
}

/// <summary>A team and its answer (null: not answered).</summary>
public sealed record TeamCheckIn(ArtTeam Team, CheckInAnswer? Answer);

/// <summary>A blocker or dependency flagged "needs help", with the answer (and team) it came from.</summary>
public sealed record HelpNeeded(CheckInAnswer Answer, CheckInItemKind Kind, int Index, CheckInItem Item);
