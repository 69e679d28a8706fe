using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.DemoTrain;

/// <summary>
/// The System Demos the train held: every iteration's (on its Friday at 14:00) up to today, each team showing one or two
/// items (this PI's features where the team has a part in that iteration, else what its check-ins reported), the Business
/// Owners and the Product Manager giving feedback (acceptance rising PI by PI), and a few integration problems, the older
/// ones repaired, this PI's last ones still open (one with its repair plan).
/// </summary>
internal static class DemoSystemDemos
{
    private static readonly double[] Acceptance = [0.68, 0.77, 0.86];
    private static readonly int[] ProblemsPerPi = [4, 3, 3];

    public static DemoSystemDemoPlan Plan(DemoTrain train, IReadOnlyList<Feature> features, DemoRandom random)
    {
        var demos = new List<SystemDemo>();
        var answers = new List<DemoTeamAnswer>();
        var feedback = new List<DemoFeedback>();
        var problems = new List<IntegrationProblem>();
        var givers = new[] { train.ProductManager }.Concat(train.Art.BusinessOwners).ToList();
        for (var p = 0; p < train.Calendar.Pis.Count; p++)
        {
            var pi = train.Calendar.Pis[p];
            var held = new List<(SystemDemo Demo, DemoTeamAnswer Answer, DemoItem Item)>();
            foreach (var iteration in train.Art.Cadence.Of(pi))
            {
                var date = iteration.End.AddDays(-2); // the Friday of the iteration's second week
                if (date >= train.Calendar.Today)
                {
                    continue;
                }

                var at = DemoCalendar.At(date, DemoSchedule.Default.Time);
                var demo = new SystemDemo
                {
                    Id = DemoIds.Demo(train.TenantId, train.Art.Id, pi.Name, iteration.Number),
                    TenantId = train.TenantId,
                    ArtId = train.Art.Id,
                    Pi = pi.Name,
                    Iteration = iteration.Number,
                    Date = date,
                    Time = DemoSchedule.Default.Time,
                    CreatedAt = at.AddDays(-3),
                    UpdatedAt = at.AddDays(-3),
                };
                demos.Add(demo);
                foreach (var team in train.Teams)
                {
                    var id = DemoIds.TeamAnswer(train.TenantId, train.Art.Id, demo.Id, team.ConversationId);
                    var presenter = team.Member(random.Next(0, team.Members.Count)).Name;
                    var items = Shown(train, pi, iteration.Number, team, features, random)
                        .Select(shown => new DemoItem(DemoIds.Item(id, shown.Kind, shown.Key), shown.Kind, shown.Kind == DemoItemKind.Feature ? shown.Key : null, shown.Title, presenter))
                        .ToList();
                    var answer = new DemoTeamAnswer
                    {
                        Id = id,
                        TenantId = train.TenantId,
                        ArtId = train.Art.Id,
                        Pi = pi.Name,
                        Iteration = iteration.Number,
                        DemoId = demo.Id,
                        TeamConversationId = team.ConversationId,
                        TeamName = team.Name,
                        PromptClaimedAt = at.AddDays(-3),
                        Items = items,
                        AnsweredBy = team.ScrumMaster,
                        AnsweredAt = at.AddDays(-1).AddHours(-random.Next(1, 20)),
                        CreatedAt = at.AddDays(-3),
                        UpdatedAt = at.AddDays(-1),
                    };
                    answers.Add(answer);
                    foreach (var item in items)
                    {
                        held.Add((demo, answer, item));
                        foreach (var giver in givers.Where(_ => random.Chance(0.75)))
                        {
                            var verdict = random.Chance(0.05) ? DemoVerdict.NotShown : random.Chance(Acceptance[p]) ? DemoVerdict.Accepted : DemoVerdict.NeedsWork;
                            var given = at.AddMinutes(random.Next(5, 90));
                            feedback.Add(new DemoFeedback
                            {
                                Id = DemoIds.Feedback(train.TenantId, train.Art.Id, item.Id, giver.Id),
                                TenantId = train.TenantId,
                                ArtId = train.Art.Id,
                                Pi = pi.Name,
                                Iteration = iteration.Number,
                                DemoId = demo.Id,
                                TeamConversationId = team.ConversationId,
                                ItemId = item.Id,
                                Verdict = verdict,
                                Comment = verdict == DemoVerdict.NeedsWork ? random.Pick(NeedsWork) : null,
                                By = giver,
                                CreatedAt = given,
                                UpdatedAt = given,
                            });
                        }
                    }
                }
            }

            for (var n = 0; n < ProblemsPerPi[p] && held.Count > 0; n++)
            {
                var (demo, answer, item) = held[random.Next(0, held.Count)];
                var found = DemoCalendar.At(demo.Date, DemoSchedule.Default.Time).AddMinutes(random.Next(10, 80));
                var owner = train.Teams.First(t => t.ConversationId == answer.TeamConversationId).Member(random.Next(0, 4));
                var open = p == train.Calendar.Pis.Count - 1 && n >= ProblemsPerPi[p] - 2;
                var planned = !open || n == ProblemsPerPi[p] - 2;
                problems.Add(new IntegrationProblem
                {
                    Id = DemoIds.Problem(train.TenantId, train.Art.Id, $"artbot-demo-problem|{pi.Name}|{n}"),
                    TenantId = train.TenantId,
                    ArtId = train.Art.Id,
                    Pi = pi.Name,
                    Iteration = demo.Iteration,
                    DemoId = demo.Id,
                    ItemId = item.Id,
                    ItemTitle = item.Title,
                    TeamConversationId = answer.TeamConversationId,
                    TeamName = answer.TeamName,
                    WhatFailed = IntegrationFailures[((3 * p) + n) % IntegrationFailures.Length].What,
                    RootCause = planned ? IntegrationFailures[((3 * p) + n) % IntegrationFailures.Length].Cause : null,
                    RepairOwner = planned ? owner : null,
                    RepairDueIteration = planned ? Math.Min(demo.Iteration + 1, train.Art.Cadence.Of(pi).Count) : null,
                    RepairedAt = open ? null : found.AddDays(random.Next(3, 12)),
                    RaisedBy = train.Rte,
                    CreatedAt = found,
                    UpdatedAt = found,
                });
            }
        }

        return new DemoSystemDemoPlan(demos, answers, feedback, problems);
    }

    /// <summary>Creates every row unless it exists (a later run finds them all and changes nothing).</summary>
    public static async Task WriteAsync(DemoStores stores, DemoTrain train, DemoSystemDemoPlan plan, CancellationToken cancellationToken)
    {
        await Create(stores.SystemDemos, plan.Demos, d => d.CreatedAt, train.Rte);
        await Create(stores.DemoAnswers, plan.Answers, a => a.AnsweredAt ?? a.CreatedAt, null);
        await Task.WhenAll(
            Create(stores.DemoFeedback, plan.Feedback, f => f.CreatedAt, null),
            Create(stores.IntegrationProblems, plan.Problems, p => p.CreatedAt, train.Rte));

        Task Create<T>(IPlanStore<T> store, IReadOnlyList<T> items, Func<T, DateTimeOffset> at, Person? by)
            where T : class, IPlanItem =>
            Parallel.ForEachAsync(items, DemoTrainSeeder.Parallelism(cancellationToken), async (item, token) =>
                await store.CreateAsync(item, new PlanChange(at(item), by ?? ByOf(item) ?? train.Rte, PlanChange.CreatedField, null, null), token));
    }

    private static Person? ByOf(IPlanItem item) => item switch
    {
        DemoTeamAnswer a => a.AnsweredBy,
        DemoFeedback f => f.By,
        _ => null,
    };

    /// <summary>This PI's features the team has a part in the iteration (at most two); otherwise one of its check-in lines.</summary>
    private static IEnumerable<(DemoItemKind Kind, string Key, string Title)> Shown(
        DemoTrain train, ProgramIncrement pi, int iteration, DemoTeam team, IReadOnlyList<Feature> features, DemoRandom random)
    {
        var planned = features.Where(f => f.Pi == pi.Name && f.PartOf(team.ConversationId)?.Iteration == iteration).Take(2).ToList();
        if (planned.Count > 0)
        {
            return planned.Select(f => (DemoItemKind.Feature, f.Id, f.Title));
        }

        var line = random.Pick(DemoTexts.Progress[0]);
        return [(DemoItemKind.Text, line, $"{team.Text.Area}: {line}")];
    }

    private static readonly string[] NeedsWork =
    [
        "Works, but the error messages are not ready for customers",
        "Only shown on the test data; show it with production-like data next time",
        "The flow needs the accessibility review before it ships",
        "Slower than the current version on mobile",
        "Missing the German translations",
    ];

    private static readonly (string What, string Cause)[] IntegrationFailures =
    [
        ("Checkout failed when the new address service answered slowly", "No timeout on the address lookup; retries piled up"),
        ("App order tracking showed orders of the wrong customer in staging", "Two teams used different customer ids in the event schema"),
        ("Search results were empty after the catalogue import", "The import job and the search index used different schema versions"),
        ("Sign-in loop between web shop and app", "Cookie domain changed without the app team knowing"),
        ("The recommendation widget broke the product page layout on tablets", "No shared breakpoint tokens in the design system"),
        ("Payment confirmation emails went out twice", "Both the order service and the payment service sent them after the refactoring"),
        ("Stock levels in the store map were a day old", "The data platform's nightly feed was not switched to streaming for stores"),
        ("Demo environment ran out of disk during the demo", "Nobody owns the shared demo environment's clean-up"),
        ("Loyalty points missing for app orders", "The app's order events lacked the loyalty member id"),
        ("New consent banner blocked the checkout button on small screens", "No end-to-end test on the smallest supported screen"),
    ];
}

/// <summary>The System Demos to write: demos, each team's part, the feedback, the integration problems.</summary>
internal sealed record DemoSystemDemoPlan(
    IReadOnlyList<SystemDemo> Demos, IReadOnlyList<DemoTeamAnswer> Answers, IReadOnlyList<DemoFeedback> Feedback, IReadOnlyList<IntegrationProblem> Problems);
