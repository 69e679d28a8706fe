using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.DemoTrain;

/// <summary>
/// Impediments and risks of the three PIs, raised from a command, a Teams message, a check-in blocker, a vote concern or
/// a dependency at risk; owned, ROAMed, escalated to the Business Owners and resolved through the impediment lifecycle,
/// each step at its own time. Earlier PIs' impediments are resolved (one still open, months old); the current PI has
/// open ones of every age, some past the ART's 14-day ageing mark, and a ROAM board with every column filled.
/// </summary>
internal static class DemoImpediments
{
    /// <summary>Impediments and risks raised per PI (oldest first).</summary>
    private static readonly (int Impediments, int Risks)[] PerPi = [(12, 3), (14, 3), (18, 9)];

    /// <summary>The current PI's open impediments: how many days ago each was raised.</summary>
    private static readonly int[] OpenAges = [1, 2, 4, 6, 9, 13, 17, 24, 38];

    /// <summary>The current PI's open impediments that came from a check-in blocker (by their index in <see cref="OpenAges"/>).</summary>
    private static readonly int[] FromCheckIn = [1, 4, 6];

    /// <summary>The current PI's risks: their ROAM status (null: not ROAMed yet).</summary>
    private static readonly RoamStatus?[] CurrentRisks = [null, null, RoamStatus.Owned, RoamStatus.Owned, RoamStatus.Owned, RoamStatus.Accepted, RoamStatus.Accepted, RoamStatus.Mitigated, RoamStatus.Resolved];

    public static IReadOnlyList<DemoImpediment> Plan(DemoTrain train, IReadOnlyList<DemoVote> votes, IReadOnlyList<DemoDependency> dependencies, DemoRandom random)
    {
        var list = new List<DemoImpediment>();
        var now = DemoCalendar.At(train.Calendar.Today, new TimeOnly(8, 0));
        var escalateTo = "the Business Owners";
        foreach (var (pi, p) in train.Calendar.Pis.Select((pi, p) => (pi, p)))
        {
            var (impediments, risks) = PerPi[p];
            for (var i = 0; i < impediments; i++)
            {
                var team = train.Teams[random.Next(0, train.Teams.Count)];
                var current = p == 2;
                var open = current ? i < OpenAges.Length : p == 1 && i == 0;
                var raisedOn = current && open ? train.Calendar.Today.AddDays(-OpenAges[i])
                    : p == 1 && i == 0 ? pi.Start.AddDays(38)
                    : pi.Start.AddDays(random.Next(1, 56));
                var raisedAt = DemoCalendar.At(raisedOn, random.WorkingTime());
                var raisedBy = team.Member(random.Next(0, 20));
                var key = $"demo:{p}-{i}";
                var source = random.Chance(0.3)
                    ? ImpedimentSource.Message($"demo-message-{p}-{i}", null, team.Member(random.Next(0, 20)).Name)
                    : ImpedimentSource.Command($"demo-activity-{p}-{i}");
                if (current && open && Array.IndexOf(FromCheckIn, i) is var blocker and >= 0)
                {
                    // Raised by the RTE from the ART sync summary: the blocker a team flagged "needs help" in its check-in.
                    var syncDate = DemoCalendar.SyncDates(pi).Last(d => d <= raisedOn);
                    raisedAt = DemoCalendar.Occurrence(train.Art, syncDate).SyncAt.AddMinutes(20 + blocker);
                    raisedBy = train.Rte;
                    key = $"checkin:demo-{syncDate:yyyyMMdd}-{team.Index}";
                    source = ImpedimentSource.CheckInBlocker($"{train.Art.Id}/{syncDate:yyyyMMdd}", team.ConversationId);
                }

                var owner = team.Member(random.Next(0, 3));
                var steps = new List<DemoStep>();
                if (!(current && open && OpenAges[i] <= 2))
                {
                    steps.Add(new(raisedAt.AddHours(random.Next(2, 20)), team.ScrumMaster, (x, at) => ImpedimentLifecycle.SetOwner(x, team.ScrumMaster, owner)));
                }

                var age = open ? (now - raisedAt).TotalDays : 0;
                if (age > 14 && random.Chance(0.7))
                {
                    steps.Add(new(raisedAt.AddDays(12), train.Rte, (x, at) => ImpedimentLifecycle.Escalate(x, train.Rte, at, escalateTo)));
                }

                if (!open)
                {
                    var note = random.Chance(0.7) ? random.Pick(DemoTexts.Resolutions) : null;
                    var resolved = raisedAt.AddDays(random.Next(1, 12)).AddHours(random.Next(1, 6));
                    steps.Add(new(resolved < now ? resolved : now.AddHours(-1), owner, (x, at) => ImpedimentLifecycle.Resolve(x, owner, note, at)));
                }

                list.Add(new DemoImpediment(Draft(train, team, ImpedimentKind.Impediment, DemoTexts.Impediments[((p * 7) + i) % DemoTexts.Impediments.Length], SeverityOf(random), raisedBy, raisedAt, source), key, steps));
            }

            for (var r = 0; r < risks; r++)
            {
                var team = train.Teams[random.Next(0, train.Teams.Count)];
                // Earlier PIs' risks are resolved by now, but one the train accepted last PI.
                var roam = p == 2 ? CurrentRisks[r] : p == 1 && r == 0 ? RoamStatus.Accepted : RoamStatus.Resolved;
                var raisedAt = DemoCalendar.At(p == 2 && roam is null ? train.Calendar.Today.AddDays(-1 - r) : DemoCalendar.PlanningDay(pi).AddDays(r % 2), random.WorkingTime());
                var title = DemoTexts.Risks[(PerPi.Take(p).Sum(x => x.Risks) + r) % DemoTexts.Risks.Length];
                list.Add(new DemoImpediment(
                    Draft(train, team, ImpedimentKind.Risk, title, SeverityOf(random), team.ScrumMaster, raisedAt, ImpedimentSource.Command($"demo-risk-{p}-{r}")),
                    $"demo-risk:{p}-{r}",
                    Roam(train, team, roam, raisedAt, now, random)));
            }
        }

        // Concerns of a confidence vote raised as risks, and dependencies at risk.
        foreach (var vote in votes)
        {
            foreach (var concern in vote.Concerns.Where(c => c.RiskId is not null))
            {
                var team = train.Teams.First(t => t.ConversationId == vote.Vote.ConversationId);
                var raisedAt = vote.ClosedAt.AddMinutes(5);
                var draft = Draft(train, team, ImpedimentKind.Risk, ImpedimentRules.FitTitle(concern.Text), Severity.Medium, team.ScrumMaster, raisedAt,
                    ImpedimentSource.VoteConcern(vote.Vote.Id, concern.Id)) with
                {
                    Description = $"A concern on \"{vote.Vote.Question}\" (round {vote.Vote.Round}): {concern.Text}",
                };
                var current = vote.Vote.PiName == train.Calendar.Current.Name;
                list.Add(new DemoImpediment(draft, "voteConcern:" + concern.Id, Roam(train, team, current ? RoamStatus.Mitigated : RoamStatus.Resolved, raisedAt, now, random)));
            }
        }

        foreach (var dependency in dependencies.Where(d => d.Final.RiskId is not null))
        {
            var final = dependency.Final;
            var raisedAt = dependency.RiskAt!.Value;
            var draft = Draft(train, dependency.Requester, ImpedimentKind.Risk, ImpedimentRules.FitTitle($"Dependency at risk: {final.Text}"), Severity.High,
                dependency.Requester.ScrumMaster, raisedAt, ImpedimentSource.Dependency(final.Id)) with
            {
                Description = $"{final.RequesterTeamName} needs this from {final.ProviderTeamName} by iteration {final.NeededBy} of {final.Pi}: not delivered yet.",
            };
            list.Add(new DemoImpediment(draft, "dependency:" + final.Id, Roam(train, dependency.Requester, final.CommittedIteration > final.NeededBy ? RoamStatus.Owned : null, raisedAt, now, random)));
        }

        return list;
    }

    /// <summary>Raises each (a second raise with the same key changes nothing), then applies its lifecycle steps; a step already applied is refused, so nothing happens twice.</summary>
    public static Task WriteAsync(DemoStores stores, IReadOnlyList<DemoImpediment> impediments, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(impediments, DemoTrainSeeder.Parallelism(cancellationToken), async (planned, token) =>
        {
            var raised = await stores.Impediments.RaiseAsync(planned.Draft, planned.Key, token);
            foreach (var step in planned.Steps)
            {
                var id = raised.Impediment.Id;
                await stores.ImpedimentsAt(step.At).UpdateAsync(planned.Draft.TenantId, planned.Draft.ScopeId, id, step.By, x => step.Change(x, step.At), token);
            }
        });

    private static Impediment Draft(DemoTrain train, DemoTeam team, ImpedimentKind kind, string title, Severity severity, Person raisedBy, DateTimeOffset raisedAt, ImpedimentSource source) => new()
    {
        Id = "",
        TenantId = train.TenantId,
        ScopeId = team.ScopeId,
        ConversationId = team.ConversationId,
        TeamId = team.Team.TeamsTeamId,
        TeamName = team.Name,
        ArtId = train.Art.Id,
        Kind = kind,
        Title = title,
        Severity = severity,
        RaisedBy = raisedBy,
        RaisedAt = raisedAt,
        Source = source,
        ServiceUrl = team.Team.ServiceUrl,
        PostedConversationId = team.ConversationId,
        Locale = new CardLocale("en-US", DemoCalendar.TimeZoneId),
    };

    /// <summary>The steps that bring a risk to <paramref name="roam"/>: an owner first, then the RTE's ROAM status at the next sync.</summary>
    private static List<DemoStep> Roam(DemoTrain train, DemoTeam team, RoamStatus? roam, DateTimeOffset raisedAt, DateTimeOffset now, DemoRandom random)
    {
        var steps = new List<DemoStep>();
        if (roam is not { } status)
        {
            return steps;
        }

        var owner = team.Member(random.Next(0, 4));
        var owned = Before(raisedAt.AddHours(random.Next(2, 30)), now);
        steps.Add(new(owned, team.ScrumMaster, (x, at) => ImpedimentLifecycle.SetOwner(x, team.ScrumMaster, owner)));
        if (status != RoamStatus.Owned)
        {
            steps.Add(new(Before(owned.AddDays(random.Next(1, 8)), now), train.Rte, (x, at) => ImpedimentLifecycle.SetRoam(x, train.Rte, status, at)));
        }

        return steps;
    }

    private static DateTimeOffset Before(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now.AddMinutes(-30);

    private static Severity SeverityOf(DemoRandom random) => random.Next(0, 10) switch
    {
        < 2 => Severity.Low,
        < 6 => Severity.Medium,
        < 9 => Severity.High,
        _ => Severity.Critical,
    };
}

/// <summary>An impediment as raised, the key it is raised with, and the lifecycle steps that follow.</summary>
internal sealed record DemoImpediment(Impediment Draft, string Key, IReadOnlyList<DemoStep> Steps)
{
    /// <summary>The id the store derives from <see cref="Key"/>.</summary>
    public string Id => ImpedimentIds.FromKey(Draft.TenantId, Draft.ScopeId, Key);
}

/// <summary>One lifecycle change, by whom and when.</summary>
internal sealed record DemoStep(DateTimeOffset At, Person By, Func<Impediment, DateTimeOffset, ImpedimentChange> Change);
