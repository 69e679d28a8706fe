using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.DemoTrain;

/// <summary>
/// PI objectives of every team in every PI: three or four committed (one keeps the team's area running) and one
/// uncommitted, planned business value set by a Business Owner at PI Planning, actual value rated at Inspect &amp; Adapt.
/// Teams deliver 70 to 95% of their planned value, the train a little more each PI; Nebula delivers more than planned,
/// Vega less.
/// </summary>
internal static class DemoObjectives
{
    private static readonly double[] PiDelivery = [0.72, 0.80, 0.87];
    private static readonly double[] TeamDelivery = [0.04, -0.02, 0.18, -0.05, 0, 0.05, -0.1, 0.02, 0.06, 0, -0.22, 0.03];

    /// <summary>How well a team delivers compared to the train (used for its check-ins too).</summary>
    public static double Delivery(DemoTeam team) => TeamDelivery[team.Index];

    public static IReadOnlyList<DemoObjective> Plan(DemoTrain train, DemoRandom random)
    {
        var list = new List<DemoObjective>();
        foreach (var (pi, p) in train.Calendar.Pis.Select((pi, p) => (pi, p)))
        {
            var planning = DemoCalendar.PlanningDay(pi);
            foreach (var team in train.Teams)
            {
                var texts = new List<(string Text, bool Committed, int Value)>();
                texts.AddRange((p < 2 ? team.Text.Earlier.Skip(3 * p).Take(3) : team.Text.Current).Select(text => (text, true, random.Next(5, 11))));
                texts.Add((DemoTexts.RunObjective.Replace("{area}", team.Text.Area, StringComparison.Ordinal), true, random.Next(3, 6)));
                texts.Add((DemoTexts.StretchObjectives[(team.Index + p) % DemoTexts.StretchObjectives.Length].Replace("{area}", team.Text.Area, StringComparison.Ordinal), false, random.Next(2, 6)));
                var delivery = Math.Clamp(random.Gaussian(PiDelivery[p] + Delivery(team), 0.05), 0.45, 1.15);
                var owner = train.Art.BusinessOwners[team.Index % train.Art.BusinessOwners.Count];
                foreach (var (objective, n) in texts.Select((o, n) => (o, n)))
                {
                    var actual = objective.Committed
                        ? (int)Math.Round(objective.Value * delivery * random.Between(0.8, 1.2))
                        : random.Chance(0.5) ? (int)Math.Round(objective.Value * random.Between(0.3, 1.0)) : 0;
                    // One objective of the current PI came after PI Planning (Zenith's): the card says so.
                    var late = p == 2 && team.Index == 7 && n == 0;
                    var created = late ? DemoCalendar.At(pi.Start.AddDays(16), new TimeOnly(11, 0)) : DemoCalendar.At(planning.AddDays(-1), new TimeOnly(14, 0).AddMinutes(n * 7));
                    list.Add(new DemoObjective(
                        new PiObjective
                        {
                            Id = PlanIds.Objective(train.TenantId, train.Art.Id, team.ConversationId, $"demo-{p}-{n}"),
                            TenantId = train.TenantId,
                            ArtId = train.Art.Id,
                            TeamConversationId = team.ConversationId,
                            TeamName = team.Name,
                            Pi = pi.Name,
                            PiStart = pi.Start,
                            Text = objective.Text,
                            Committed = objective.Committed,
                            PlannedValue = objective.Value,
                            ActualValue = Math.Clamp(actual, 0, ObjectiveRules.MaxValue),
                            CreatedBy = team.ProductOwner,
                            CreatedAt = created,
                            UpdatedAt = created,
                        },
                        owner,
                        late ? created.AddHours(3) : DemoCalendar.At(planning, new TimeOnly(11, 0).AddMinutes((team.Index * 5) + n)),
                        DemoCalendar.At(DemoCalendar.InspectAndAdapt(pi), new TimeOnly(10, 0).AddMinutes((team.Index * 10) + n))));
                }
            }
        }

        return list;
    }

    /// <summary>Creates each objective as the team wrote it, then lets its Business Owner value it: planned, then actual.</summary>
    public static Task WriteAsync(DemoStores stores, IReadOnlyList<DemoObjective> objectives, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(objectives, DemoTrainSeeder.Parallelism(cancellationToken), async (objective, token) =>
        {
            var final = objective.Final;
            var written = final with { PlannedValue = null, ActualValue = null };
            await stores.Objectives.CreateAsync(written, new PlanChange(final.CreatedAt, final.CreatedBy, ObjectiveField.Created, null, ObjectiveRules.Commitment(final.Committed)), token);
            var current = await stores.Objectives.GetAsync(final.TenantId, final.ArtId, final.Id, token) ?? throw new InvalidOperationException($"Objective {final.Id} was not stored.");
            current = await ValueAsync(stores, current, current with { PlannedValue = final.PlannedValue, UpdatedAt = objective.PlannedAt }, objective.ValuedBy, token);
            await ValueAsync(stores, current, current with { ActualValue = final.ActualValue, UpdatedAt = objective.RatedAt }, objective.ValuedBy, token);
        });

    private static async Task<PiObjective> ValueAsync(DemoStores stores, PiObjective before, PiObjective after, Person by, CancellationToken cancellationToken)
    {
        var changes = ObjectiveRules.Changes(before, after, by, after.UpdatedAt);
        return changes.Count == 0 ? before
            : await stores.Objectives.UpdateAsync(after, changes, cancellationToken) ?? throw new InvalidOperationException($"Objective {before.Id} changed while it was seeded.");
    }
}

/// <summary>An objective as it ends up, who values it, and when its planned and actual values are set.</summary>
internal sealed record DemoObjective(PiObjective Final, Person ValuedBy, DateTimeOffset PlannedAt, DateTimeOffset RatedAt);
