using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Board;

/// <summary>
/// The board as a viewer sees it, from a snapshot: no I/O, so the same snapshot renders for every viewer (in their
/// language, with what they may change) and the rules are tested without storage. Filters: a team (its row, the rows
/// its strings reach, its strings) and a string state.
/// </summary>
public static class BoardRender
{
    public static BoardView View(BoardSnapshot board, BoardPermissions can, DateOnly today, string? teamFilter, string? stateFilter)
    {
        ArgumentNullException.ThrowIfNull(board);
        var count = board.Iterations.Count;
        var ip = board.Iterations.FirstOrDefault(i => i.IsIp)?.Number;
        var current = board.Iterations.FirstOrDefault(i => i.Contains(today))?.Number;
        var inArt = board.Teams.Select(t => t.ConversationId).ToHashSet(StringComparer.Ordinal);
        var live = board.Features.Where(f => f.State != FeatureState.Removed).ToList();
        var byId = live.ToDictionary(f => f.Id, StringComparer.Ordinal);

        var strings = board.Dependencies.Select(d => StringOf(d, byId, inArt, board.Pi.Name, count, ip)).ToList();
        var teams = TeamsOf(board, live, inArt, count);
        if (teamFilter is { Length: > 0 })
        {
            strings = [.. strings.Where(s => s.FromTeam == teamFilter || s.ToTeam == teamFilter)];
            var reached = strings.SelectMany(s => new[] { s.FromTeam, s.ToTeam }).Append(teamFilter).ToHashSet(StringComparer.Ordinal);
            teams = [.. teams.Where(t => reached.Contains(t.ConversationId))];
            live = [.. live.Where(f => f.Parts.Any(p => reached.Contains(p.TeamConversationId)))];
        }

        if (stateFilter is { Length: > 0 })
        {
            strings = [.. strings.Where(s => string.Equals(s.State, stateFilter, StringComparison.OrdinalIgnoreCase))];
        }

        var conflicts = strings.Where(s => s.Verdict.NeedsAction).Select(s => Conflict(s, board, count, ip)).ToList();
        var covered = board.Objectives.SelectMany(o => o.FeatureIds.Select(f => (Feature: f, o.Text))).ToLookup(x => x.Feature, x => x.Text, StringComparer.Ordinal);
        return new BoardView(
            true,
            board.Pi.Name,
            [.. board.Iterations.Select(i => new BoardIteration(i.Number, i.Start, i.End, i.IsIp, i.Number == current))],
            teams,
            [.. board.Milestones.OrderBy(m => m.Date).Select(m => new BoardMilestone(m.Id, m.Date, m.Title, Camel(m.Kind.ToString()), board.Iterations.FirstOrDefault(i => i.Contains(m.Date))?.Number))],
            [.. FeatureBacklog.Ordered(live).Select(f => Feature(f, covered[f.Id]))],
            [.. strings.Select(s => s.Board)],
            conflicts,
            can);
    }

    public static BoardFeature Feature(Feature f, IEnumerable<string> objectives) => new(
        f.Id, f.Title, f.Description, f.BusinessValue, f.Wsjf?.Score, Camel(f.State.ToString()), f.Source?.Url.ToString(), f.Source?.WorkItemId,
        [.. f.Parts.Select(p => new BoardPart(p.TeamConversationId, p.TeamName, p.Iteration, p.Points))], [.. objectives], f.Version ?? "");

    public static BoardTeam Team(ArtTeam team, IEnumerable<Feature> features, TeamCapacity? capacity, int count, bool inArt = true) =>
        new(team.ConversationId, team.TeamName, inArt, [.. TeamLoad.Of(team.ConversationId, features, capacity, count).Select(l => new BoardLoad(l.Iteration, l.Capacity, l.Load, l.Over))]);

    /// <summary>The words for a verdict, in the current culture: what a string says besides its colour and pattern.</summary>
    public static string Words(StringVerdict verdict, Dependency dependency, StringEnds ends, int? ipIteration) => verdict.State switch
    {
        StringState.Conflict when verdict.IterationsLate == 1 => BoardStrings.StringLateOne,
        StringState.Conflict => Localized.Format(BoardStrings.StringLateOther, verdict.IterationsLate),
        StringState.Warning when ends.Committed == ipIteration && ends.Committed != ends.Needed => BoardStrings.StringInIp,
        StringState.Warning => BoardStrings.StringSameIteration,
        StringState.Requested => BoardStrings.StringRequested,
        StringState.Delivered => BoardStrings.StringDelivered,
        StringState.Declined when dependency.DeclineReason is { Length: > 0 } why => Localized.Format(BoardStrings.StringDeclinedWhy, why),
        StringState.Declined => BoardStrings.StringDeclined,
        StringState.TeamLeft => Localized.Format(BoardStrings.StringTeamLeft, ends.RequesterInArt ? dependency.ProviderTeamName : dependency.RequesterTeamName),
        StringState.OutsidePi => BoardStrings.StringOutsidePi,
        _ => BoardStrings.StringOnTrack,
    };

    private static List<BoardTeam> TeamsOf(BoardSnapshot board, List<Feature> live, HashSet<string> inArt, int count)
    {
        var capacities = board.Capacities.ToDictionary(c => c.TeamConversationId, StringComparer.Ordinal);
        var teams = board.Teams.OrderBy(t => t.TeamName, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => Team(t, live, capacities.GetValueOrDefault(t.ConversationId), count)).ToList();

        // A team that left the ART keeps a row while features or strings still name it, so nothing on the board vanishes.
        var gone = live.SelectMany(f => f.Parts.Select(p => (p.TeamConversationId, p.TeamName)))
            .Concat(board.Dependencies.SelectMany(d => new[] { (d.RequesterConversationId, d.RequesterTeamName), (d.ProviderConversationId, d.ProviderTeamName) }))
            .Where(t => !inArt.Contains(t.Item1)).DistinctBy(t => t.Item1);
        teams.AddRange(gone.Select(t => Team(
            new ArtTeam { TenantId = board.Art.TenantId, ArtId = board.Art.Id, ConversationId = t.Item1, TeamName = t.Item2, ServiceUrl = "" }, live, null, count, inArt: false)));
        return teams;
    }

    private static Judged StringOf(Dependency d, Dictionary<string, Feature> features, HashSet<string> inArt, string pi, int count, int? ip)
    {
        var requester = d.RequesterFeatureId is { } r ? features.GetValueOrDefault(r) : null;
        var provider = d.ProviderFeatureId is { } p ? features.GetValueOrDefault(p) : null;
        var ends = DependencyStrings.EndsOf(d, requester, provider, inArt, pi);
        var verdict = DependencyStrings.Judge(d.Status, ends, count, ip);
        var board = new BoardString(
            d.Id, d.Text, d.ProviderConversationId, d.ProviderTeamName, provider?.PartOf(d.ProviderConversationId) is null ? null : provider.Id, ends.Committed,
            d.RequesterConversationId, d.RequesterTeamName, requester?.PartOf(d.RequesterConversationId) is null ? null : requester.Id, ends.Needed,
            Camel(verdict.State.ToString()), verdict.IterationsLate, Words(verdict, d, ends, ip));
        return new Judged(d, ends, verdict, board);
    }

    private static BoardConflict Conflict(Judged s, BoardSnapshot board, int count, int? ip)
    {
        // What the providing team could commit instead: an iteration no later than needed (any iteration when the need is
        // outside the PI or the team left), never the IP iteration.
        var latest = s.Verdict.State == StringState.Conflict ? Math.Min(s.Ends.Needed, count) : count;
        IReadOnlyList<int> proposals = s.Verdict.State is StringState.Conflict or StringState.Declined or StringState.OutsidePi
            ? [.. Enumerable.Range(1, Math.Max(0, latest)).Where(i => i != ip && i != s.Ends.Committed)]
            : [];
        return new BoardConflict(
            s.Dependency.Id, s.Dependency.Text, s.Board.State, s.Board.Words, s.Dependency.ProviderTeamName, s.Dependency.RequesterTeamName,
            s.Ends.Needed, s.Ends.Committed, s.Dependency.RiskId, proposals);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record Judged(Dependency Dependency, StringEnds Ends, StringVerdict Verdict, BoardString Board)
    {
        public string FromTeam => Board.FromTeam;

        public string ToTeam => Board.ToTeam;

        public string State => Board.State;
    }
}
