using ArtBot.Domain.Ids;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;

namespace ArtBot.DemoTrain;

/// <summary>
/// Inspect &amp; Adapt's improvement items, four from each PI's problem-solving workshop, targeted at the next PI: the
/// oldest PI's done, dropped or carried over (and done after all), the last PI's done, in progress or committed and never
/// started (what nobody followed up), and this PI's, from its I&amp;A a few days ago, proposed or committed for the next PI.
/// </summary>
internal static class DemoImprovements
{
    private static readonly ImprovementStatus[][] Fates =
    [
        [ImprovementStatus.Done, ImprovementStatus.Done, ImprovementStatus.Dropped, ImprovementStatus.Done],
        [ImprovementStatus.Done, ImprovementStatus.InProgress, ImprovementStatus.Committed, ImprovementStatus.Done],
        [ImprovementStatus.Committed, ImprovementStatus.Committed, ImprovementStatus.Proposed, ImprovementStatus.Proposed],
    ];

    public static IReadOnlyList<DemoImprovement> Plan(DemoTrain train, DemoRandom random)
    {
        var scope = new ImprovementScope(train.TenantId, train.Art.Id, train.Art.HomeConversationId);
        var pis = train.Calendar.Pis.Append(train.Calendar.Next).ToList();
        var list = new List<DemoImprovement>();
        for (var p = 0; p < 3; p++)
        {
            var created = DemoCalendar.At(DemoCalendar.InspectAndAdapt(pis[p]), new TimeOnly(15, 30));
            var target = pis[p + 1];
            for (var n = 0; n < 4; n++)
            {
                var text = DemoTexts.Improvements[(4 * p) + n];
                var team = train.Teams[random.Next(0, train.Teams.Count)];
                var owner = n == 0 ? train.Architect : team.Member(random.Next(0, 3));
                var dots = random.Next(3, 12);
                var item = new ImprovementItem
                {
                    Id = DerivedIds.Of(16, "artbot-demo-improvement", train.TenantId, train.Art.Id, text.Title),
                    Scope = scope,
                    Title = text.Title,
                    Problem = text.Problem,
                    Whys = text.Whys,
                    TargetPi = target.Name,
                    SourcePi = pis[p].Name,
                    ExpectedOutcome = text.Outcome,
                    Dots = dots,
                    CreatedAt = created.AddMinutes(n),
                    UpdatedAt = created.AddMinutes(n),
                };
                var steps = new List<(DateTimeOffset At, Person By, ImprovementItem After)>();
                var fate = Fates[p][n];
                var current = item;
                void Step(DateTimeOffset at, Person by, ImprovementItem after)
                {
                    current = after with { UpdatedAt = at };
                    steps.Add((at, by, current));
                }

                if (fate != ImprovementStatus.Proposed)
                {
                    // Committed at the target PI's Planning; this PI's items right after its I&A (the next Planning is still ahead).
                    Step(p == 2 ? created.AddDays(1).AddMinutes(n) : DemoCalendar.At(DemoCalendar.PlanningDay(target), new TimeOnly(12, 0).AddMinutes(n)), train.Rte,
                        current with { Status = ImprovementStatus.Committed, OwnerId = owner.Id, OwnerName = owner.Name });
                }

                if (fate is ImprovementStatus.InProgress or ImprovementStatus.Done || (p == 0 && n == 3))
                {
                    Step(DemoCalendar.At(target.Start.AddDays(10 + n), new TimeOnly(10, 0)), owner, current with { Status = ImprovementStatus.InProgress });
                }

                if (p == 0 && n == 3)
                {
                    // Not finished in its PI: carried into the next one when the RTE moved the ART on, and done there.
                    var next = pis[p + 2];
                    Step(DemoCalendar.At(next.Start, new TimeOnly(8, 0)), train.Rte, current with { CarriedFromPi = target.Name, TargetPi = next.Name });
                    Step(DemoCalendar.At(next.Start.AddDays(30), new TimeOnly(16, 0)), owner, current with { Status = ImprovementStatus.Done });
                }
                else if (fate is ImprovementStatus.Done or ImprovementStatus.Dropped)
                {
                    Step(DemoCalendar.At(target.Start.AddDays(30 + (5 * n)), new TimeOnly(16, 0)), owner, current with { Status = fate });
                }

                list.Add(new DemoImprovement(item, steps));
            }
        }

        return list;
    }

    /// <summary>Creates each item as the workshop did, then replays its changes from where the stored item stands (nothing if it is done).</summary>
    public static Task WriteAsync(DemoStores stores, DemoTrain train, IReadOnlyList<DemoImprovement> items, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, DemoTrainSeeder.Parallelism(cancellationToken), async (planned, token) =>
        {
            var item = planned.Created;
            await stores.Improvements.CreateAsync(item, new ImprovementChange(item.CreatedAt, train.Rte.Id, train.Rte.Name, ImprovementField.Created, null,
                $"from the Inspect & Adapt of {item.SourcePi}, {item.Dots} dots"), token);
            var current = await stores.Improvements.GetAsync(item.Scope, item.Id, token) ?? throw new InvalidOperationException($"Improvement {item.Id} was not stored.");
            var done = planned.Steps.Select(s => s.After).ToList().FindLastIndex(after => Same(after, current));
            if (done < 0 && !Same(item, current))
            {
                return; // changed by someone in the bot since: left as it is
            }

            foreach (var (at, by, after) in planned.Steps.Skip(done + 1))
            {
                var changes = new List<ImprovementChange>();
                if (after.CarriedFromPi != current.CarriedFromPi)
                {
                    changes.Add(new ImprovementChange(at, null, null, ImprovementField.CarriedOver, after.CarriedFromPi, after.TargetPi));
                }

                foreach (var field in new[] { ImprovementField.Owner, ImprovementField.Status })
                {
                    if (ImprovementRules.Display(current, field) is var from && ImprovementRules.Display(after, field) is var to && from != to)
                    {
                        changes.Add(new ImprovementChange(at, by.Id, by.Name, field, from, to));
                    }
                }

                current = await stores.Improvements.UpdateAsync(after with { Version = current.Version }, changes, token)
                    ?? throw new InvalidOperationException($"Improvement {item.Id} changed while it was seeded.");
            }
        });

    private static bool Same(ImprovementItem a, ImprovementItem b) =>
        a.Status == b.Status && a.OwnerId == b.OwnerId && a.TargetPi == b.TargetPi && a.CarriedFromPi == b.CarriedFromPi;
}

/// <summary>An improvement item as its workshop created it, and each later state with when and by whom.</summary>
internal sealed record DemoImprovement(ImprovementItem Created, IReadOnlyList<(DateTimeOffset At, Person By, ImprovementItem After)> Steps);
