using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Votes;
using ArtBot.Features.Demos;
using ArtBot.Features.Review;

namespace ArtBot.Features.Room;

/// <summary>
/// The ART room's views, read from the stores: in an ART's channel the whole ART, in a team's channel that team within
/// it, in a chat without an ART that chat's own votes, impediments and improvement items. Reads run side by side where
/// they are independent. Anonymous votes show counts and averages only (the stores hold nothing more).
/// </summary>
public sealed class RoomViews(
    IVoteStore votes, IImpedimentStore impediments, IImprovementStore improvements, ISyncStore sync,
    IPlanStore<PiObjective> objectives, IPlanStore<Dependency> dependencies, IArtStore arts, TimeProvider time, ReviewReader review, DemoHistoryReader demoHistory)
{
    public const int MaxVotes = 500;
    public const int MaxImpediments = 500;
    public const int PisShown = 4;
    public static readonly IReadOnlyList<string> ArtViews = ["overview", "board", "risks", "sync", "demos", "improvements", "predictability", "review", "dependencies"];
    public static readonly IReadOnlyList<string> ChatViews = ["overview", "risks", "improvements"];

    public async Task<RoomContext> ContextAsync(RoomPlace place, RoomUser user, CancellationToken cancellationToken)
    {
        if (place.Art is not { } art)
        {
            return new RoomContext("chat", null, null, [], new RoomPerson(user.Name), ChatViews);
        }

        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        return new RoomContext(
            place.Team is null ? "art" : "team",
            new RoomArt(art.Id, art.Name, art.CurrentPi is { } pi ? new RoomPi(pi.Name, pi.Start, pi.End) : null, Iterations(art)),
            place.Team is { } team ? new RoomTeam(team.ConversationId, team.TeamName) : null,
            [.. teams.OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase).Select(t => new RoomTeam(t.ConversationId, t.TeamName))],
            new RoomPerson(user.Name),
            ArtViews);
    }

    public async Task<OverviewView> OverviewAsync(RoomPlace place, CancellationToken cancellationToken)
    {
        var art = place.Art;
        var all = art is null
            ? await votes.ListAsync(place.TenantId, place.ConversationId, MaxVotes, cancellationToken)
            : await votes.ListForArtAsync(place.TenantId, art.Id, MaxVotes, cancellationToken);
        var mine = place.Team is { } team ? all.Where(v => v.ConversationId == team.ConversationId).ToList() : [.. all];
        var pi = art?.CurrentPi?.Name;
        var current = art is null ? mine : [.. mine.Where(v => v.PiName == pi)];
        var rows = new List<RoomVote>();
        foreach (var vote in current.OrderBy(v => v.Scope).ThenBy(v => v.TeamName, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.CreatedAt))
        {
            rows.Add(await VoteRowAsync(vote, cancellationToken));
        }

        // Confidence per team (and the ART) over the PIs: the last closed round of each PI.
        var pis = mine.Where(v => v.PiName is not null).GroupBy(v => v.PiName!).OrderBy(g => g.Min(v => v.CreatedAt)).Select(g => g.Key).TakeLast(PisShown).ToList();
        var series = mine.Where(v => v.PiName is not null && v.FinalTally is { Count: > 0 })
            .GroupBy(v => v.Scope == VoteScope.Art ? art?.Name ?? "ART" : v.TeamName ?? RoomStrings.SeriesUnnamedTeam)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RoomSeriesLine(g.Key, [.. pis.Select(p => g.Where(v => v.PiName == p).OrderBy(v => v.CreatedAt).LastOrDefault()?.FinalTally?.Average)]))
            .ToList();
        return new OverviewView(true, pi, rows, new RoomSeries(pis, series));
    }

    public async Task<RisksView> RisksAsync(RoomPlace place, string? teamFilter, CancellationToken cancellationToken)
    {
        var query = new ImpedimentQuery(null, IncludeResolved: true);
        var list = place.Art is { } art
            ? await impediments.ListForArtAsync(place.TenantId, art.Id, query, MaxImpediments, cancellationToken)
            : await impediments.ListAsync(place.TenantId, place.ScopeId, query, MaxImpediments, cancellationToken);
        var open = list.Items.Where(i => place.Team is not { } team || i.ConversationId == team.ConversationId).ToList();
        var teams = open.Select(i => i.TeamName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var shown = teamFilter is { Length: > 0 } ? [.. open.Where(i => string.Equals(i.TeamName, teamFilter, StringComparison.OrdinalIgnoreCase))] : open;
        var now = time.GetUtcNow();
        var risks = shown.Where(i => i.Kind == ImpedimentKind.Risk).Select(i => Row(i, now)).ToList();
        var roam = new List<RoamColumn> { new("Unroamed", [.. risks.Where(r => r.Roam is null)]) };
        roam.AddRange(Enum.GetValues<RoamStatus>().Select(s => new RoamColumn(s.ToString(), [.. risks.Where(r => r.Roam == s.ToString())])));
        var openImpediments = shown.Where(i => i.Kind == ImpedimentKind.Impediment && i.IsOpen).OrderBy(i => i.RaisedAt).Select(i => Row(i, now));
        return new RisksView(true, roam, [.. openImpediments], teams);
    }

    public async Task<SyncView> SyncAsync(RoomPlace place, CancellationToken cancellationToken)
    {
        if (place.Art is not { CurrentPi: { } pi } art)
        {
            return new SyncView(false, [], []);
        }

        var teams = place.Team is { } own ? [own] : (await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken)).OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase).ToList();
        var first = pi.Start.AddDays(((int)art.Sync.Day - (int)pi.Start.DayOfWeek + 7) % 7);
        var weeks = Enumerable.Range(0, 60).Select(i => first.AddDays(7 * i)).TakeWhile(d => d <= pi.End).ToList();
        var now = time.GetUtcNow();
        var occurrences = weeks.Select(week => SyncCalendar.On(art, week)).ToList();
        var answers = await Task.WhenAll(occurrences.Select(async occurrence => occurrence is not null && occurrence.PromptAt <= now.AddDays(7)
            ? (await sync.GetAnswersAsync(OccurrenceKey.Of(art, occurrence), cancellationToken)).ToDictionary(a => a.TeamConversationId, StringComparer.Ordinal)
            : []));
        var rows = teams.Select(team => new SyncRow(team.TeamName, [.. occurrences.Select((occurrence, i) =>
            occurrence is null ? "skipped"
            : answers[i].TryGetValue(team.ConversationId, out var answer) ? Status(answer.Status)
            : occurrence.SyncAt > now ? "upcoming" : "notAnswered")])).ToList();
        return new SyncView(true, weeks, rows);
    }

    public async Task<ImprovementsView> ImprovementsAsync(RoomPlace place, CancellationToken cancellationToken)
    {
        var items = await improvements.ListAsync(new ImprovementScope(place.TenantId, place.Art?.Id, place.ConversationId), cancellationToken);
        var now = time.GetUtcNow();
        var rows = items.OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.CreatedAt).Select(i => Row(i, now)).ToList();
        var pis = items.Select(i => i.TargetPi ?? i.SourcePi).OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderBy(p => items.Where(i => (i.TargetPi ?? i.SourcePi) == p).Min(i => i.CreatedAt)).TakeLast(PisShown).ToList();
        var series = Enum.GetValues<ImprovementStatus>().Select(status => new RoomSeriesLine(
            ImprovementRules.Describe(status),
            [.. pis.Select(p => (double?)items.Count(i => i.Status == status && (i.TargetPi ?? i.SourcePi) == p))])).ToList();
        return new ImprovementsView(true, rows, new RoomSeries(pis, series));
    }

    public async Task<PredictabilityView> PredictabilityAsync(RoomPlace place, CancellationToken cancellationToken)
    {
        var band = new RoomBand(Predictability.BandLow, Predictability.BandHigh);
        if (place.Art is not { } art)
        {
            return new PredictabilityView(false, band, []);
        }

        var all = await objectives.ListAsync(art.TenantId, art.Id, cancellationToken);
        var shown = place.Team is { } team ? all.Where(o => o.TeamConversationId == team.ConversationId) : all;
        return new PredictabilityView(true, band, [.. PiPredictability.History(shown, art.CurrentPi?.Name, PisShown).Select(p => new RoomPiFigure(
            p.Pi,
            new RoomFigure(p.Art.Percent, p.Art.PlannedCommitted, p.Art.Actual),
            [.. p.Teams.Select(t => new RoomTeamFigure(t.TeamName, t.Figure.Percent, t.Figure.PlannedCommitted, t.Figure.Actual))]))]);
    }

    /// <summary>The quantitative review: the ART's figures and spread in its channel, the team's and the ART's in a team's.</summary>
    public async Task<ReviewView> ReviewAsync(RoomPlace place, CancellationToken cancellationToken) =>
        place.Art is { } art
            ? RoomReview.Of(await review.ReadAsync(art, cancellationToken), place.Team?.ConversationId)
            : new ReviewView(false, "chat", [], []);

    /// <summary>
    /// The System Demos of a PI (the current one unless asked): the whole ART's in its channel, the team's part in a
    /// team's; null for a PI the ART has no demos in.
    /// </summary>
    public async Task<DemosView?> DemosAsync(RoomPlace place, string? pi, CancellationToken cancellationToken) =>
        place.Art is { } art
            ? RoomDemos.Of(art, await demoHistory.ReadAsync(art, cancellationToken), pi, place.Team?.ConversationId)
            : new DemosView(false, null, [], []);

    public async Task<DependenciesView> DependenciesAsync(RoomPlace place, CancellationToken cancellationToken)
    {
        if (place.Art is not { CurrentPi: { } pi } art)
        {
            return new DependenciesView(false, [], [], []);
        }

        var today = art.Today(time.GetUtcNow());
        var iterations = art.Cadence.Of(pi);
        var items = (await dependencies.ListCurrentPiAsync(art, cancellationToken))
            .Where(d => place.Team is not { } team || d.RequesterConversationId == team.ConversationId || d.ProviderConversationId == team.ConversationId)
            .Select(d => Row(d, iterations, today)).ToList();
        var teams = items.SelectMany(d => new[] { d.From, d.To }).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new DependenciesView(true, Iterations(art), teams, [.. items.OrderBy(d => d.Committed ?? d.NeededBy).ThenBy(d => d.To, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The personal tab: across the tenant's ARTs, what the user owns or raised, and the dependencies they requested.</summary>
    public async Task<MineView> MineAsync(RoomUser user, CancellationToken cancellationToken)
    {
        if (user.IsLocal)
        {
            return new MineView([], [], [], []);
        }

        var now = time.GetUtcNow();
        var mine = new List<Impediment>();
        var items = new List<RoomImprovement>();
        var asked = new List<RoomDependency>();
        foreach (var art in await arts.ListAsync(user.TenantId!, cancellationToken))
        {
            mine.AddRange((await impediments.ListForArtAsync(art.TenantId, art.Id, new ImpedimentQuery(null, PersonId: user.ObjectId), MaxImpediments, cancellationToken)).Items);
            items.AddRange((await improvements.ListAsync(new ImprovementScope(art.TenantId, art.Id, art.HomeConversationId), cancellationToken))
                .Where(i => i.OwnerId == user.ObjectId).Select(i => Row(i, now)));
            var iterations = art.CurrentPi is { } pi ? art.Cadence.Of(pi) : [];
            asked.AddRange((await dependencies.ListCurrentPiAsync(art, cancellationToken))
                .Where(d => d.RequestedBy.Id == user.ObjectId).Select(d => Row(d, iterations, art.Today(now))));
        }

        return new MineView(
            [.. mine.Where(i => i.Kind == ImpedimentKind.Impediment).Select(i => Row(i, now))],
            [.. mine.Where(i => i.Kind == ImpedimentKind.Risk).Select(i => Row(i, now))],
            items,
            asked);
    }

    private async Task<RoomVote> VoteRowAsync(VoteSummary vote, CancellationToken cancellationToken)
    {
        var tally = vote.FinalTally;
        if (tally is null && !vote.HideResults)
        {
            tally = (await votes.ReadStateAsync(vote.VoteId, cancellationToken))?.Tally;
        }

        var closed = vote.ClosedAt is not null;
        var count = tally?.Count ?? 0;
        double? average = (closed || !vote.HideResults) && count > 0 ? tally!.Average : null;
        var outcome = !closed ? "open" : tally?.Outcome == VoteOutcome.CommitmentAccepted ? "accepted" : tally?.Outcome is null ? "open" : "rework";
        return new RoomVote(vote.Scope == VoteScope.Art ? null : vote.TeamName, vote.Scope == VoteScope.Art ? "art" : "team", vote.Question, vote.Round, count, average, closed, outcome);
    }

    private static IReadOnlyList<RoomIteration> Iterations(Art art) =>
        art.CurrentPi is { } pi ? [.. art.Cadence.Of(pi).Select(i => new RoomIteration(i.Number, i.Start, i.End, i.IsIp))] : [];

    private static string Status(ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.OnTrack => "onTrack",
        ObjectiveStatus.AtRisk => "atRisk",
        _ => "offTrack",
    };

    private static int Days(DateTimeOffset from, DateTimeOffset now) => Math.Max(0, (int)(now - from).TotalDays);

    private static RoomImpediment Row(Impediment i, DateTimeOffset now) => new(
        i.Id, i.Title, i.TeamName, i.Owner?.DisplayName, (int)i.Age(now).TotalDays, i.Severity.ToString(), i.EscalatedAt is not null,
        i.Kind == ImpedimentKind.Risk ? "risk" : "impediment", i.Roam?.ToString());

    private static RoomImprovement Row(ImprovementItem i, DateTimeOffset now) => new(
        i.Id, i.Title, ImprovementRules.Describe(i.Status), i.OwnerName, i.TargetPi, i.SourcePi, i.CarriedFromPi, Days(i.CreatedAt, now));

    private static RoomDependency Row(Dependency d, IReadOnlyList<Iteration> iterations, DateOnly today)
    {
        var (status, why) = DependencyRules.StatusOn(d, iterations, today);
        return new RoomDependency(d.Id, d.Text, d.RequesterTeamName, d.ProviderTeamName, d.NeededBy, d.CommittedIteration, DependencyRules.Describe(status), why);
    }
}
