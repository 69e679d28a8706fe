using ArtBot.Domain.Planning;

namespace ArtBot.DemoTrain;

/// <summary>
/// The current PI's program board: for each of its dependencies a feature of the providing team (placed where the team
/// committed it) and one of the requesting team (placed where it needs it), tied to the dependency; two more features
/// per team; each team's capacity for the last PI and this one; three milestones. Kept by the ART's Product Manager.
/// </summary>
internal static class DemoBoard
{
    private static readonly string[] Verbs = ["Deliver", "Offer", "Provide"];
    private static readonly string[] Uses = ["Adopt", "Build on", "Integrate"];

    /// <summary>The features, and the current PI's dependencies tied to them (the others unchanged).</summary>
    public static (IReadOnlyList<Feature> Features, IReadOnlyList<DemoDependency> Dependencies) Plan(
        DemoTrain train, IReadOnlyList<DemoDependency> dependencies, DemoRandom random)
    {
        var pi = train.Calendar.Current;
        var created = DemoCalendar.At(DemoCalendar.PlanningDay(pi).AddDays(-2), new TimeOnly(11, 0));
        var features = new List<Feature>();
        Feature Add(string key, string title, DemoTeam team, int? iteration, int businessValue)
        {
            var feature = new Feature
            {
                Id = PlanIds.Feature(train.TenantId, train.Art.Id, "demo-" + key),
                TenantId = train.TenantId,
                ArtId = train.Art.Id,
                Pi = pi.Name,
                PiStart = pi.Start,
                Title = title,
                BusinessValue = businessValue,
                Wsjf = businessValue > 6 ? new Wsjf(Wsjf.Scale[random.Next(3, 7)], Wsjf.Scale[random.Next(0, 5)], Wsjf.Scale[random.Next(0, 4)], Wsjf.Scale[random.Next(1, 6)]) : null,
                State = iteration is null ? FeatureState.Backlog : FeatureState.Planned,
                Parts = [new FeaturePart(team.ConversationId, team.Name, iteration, random.Next(3, 14))],
                CreatedBy = train.ProductManager,
                CreatedAt = created,
                UpdatedAt = created,
            };
            features.Add(feature);
            return feature;
        }

        var tied = dependencies.Select((planned, i) =>
        {
            if (planned.Final.Pi != pi.Name)
            {
                return planned;
            }

            var d = planned.Final;
            var provider = Add($"provide-{i}", $"{random.Pick(Verbs)} {d.Text}", planned.Provider, d.CommittedIteration, random.Next(3, 10));
            var requester = Add($"use-{i}", $"{random.Pick(Uses)} {d.Text}", planned.Requester, d.NeededBy, random.Next(3, 10));
            return planned with { Final = d with { ProviderFeatureId = provider.Id, RequesterFeatureId = requester.Id } };
        }).ToList();
        foreach (var team in train.Teams)
        {
            Add($"own-{team.Index}-1", random.Pick(DemoTexts.Offerings[team.Index]), team, random.Next(1, 5), random.Next(2, 11));
            Add($"own-{team.Index}-2", random.Pick(DemoTexts.Offerings[team.Index]) + " (stretch)", team, null, random.Next(1, 6));
        }

        return (features, tied);
    }

    public static async Task WriteAsync(DemoStores stores, DemoTrain train, IReadOnlyList<Feature> features, CancellationToken cancellationToken)
    {
        var pm = train.ProductManager;
        await Parallel.ForEachAsync(features, DemoTrainSeeder.Parallelism(cancellationToken), async (feature, token) =>
            await stores.Features.CreateAsync(feature, new PlanChange(feature.CreatedAt, pm, PlanChange.CreatedField, null, feature.Title), token));

        var pis = train.Calendar.Pis.TakeLast(2).ToList();
        foreach (var team in train.Teams)
        {
            foreach (var pi in pis)
            {
                var regular = 24 + ((team.Index * 7) % 12);
                var count = train.Art.Cadence.Of(pi).Count;
                var capacity = new TeamCapacity
                {
                    Id = PlanIds.Capacity(train.TenantId, train.Art.Id, team.ConversationId, pi.Name),
                    TenantId = train.TenantId,
                    ArtId = train.Art.Id,
                    Pi = pi.Name,
                    PiStart = pi.Start,
                    TeamConversationId = team.ConversationId,
                    TeamName = team.Name,
                    PerIteration = [.. Enumerable.Range(1, count).Select(i => (int?)(i == count ? regular / 3 : regular))],
                    CreatedBy = team.ScrumMaster,
                    CreatedAt = DemoCalendar.At(DemoCalendar.PlanningDay(pi), new TimeOnly(9, 30)),
                };
                await stores.Capacities.CreateAsync(capacity, new PlanChange(capacity.CreatedAt, team.ScrumMaster, PlanChange.CreatedField, null, null), cancellationToken);
            }
        }

        var current = train.Calendar.Current;
        var milestones = new (int Day, string Title, MilestoneKind Kind)[]
        {
            (20, "Release 4.2 to all customers", MilestoneKind.Release),
            (38, "Partner summit demo", MilestoneKind.Event),
            (60, "Payment provider API cut-over", MilestoneKind.External),
        };
        foreach (var (day, title, kind) in milestones)
        {
            var at = DemoCalendar.At(DemoCalendar.PlanningDay(current), new TimeOnly(16, 0));
            var milestone = new Milestone
            {
                Id = PlanIds.Milestone(train.TenantId, train.Art.Id, "demo-" + day),
                TenantId = train.TenantId,
                ArtId = train.Art.Id,
                Pi = current.Name,
                PiStart = current.Start,
                Date = current.Start.AddDays(day),
                Title = title,
                Kind = kind,
                CreatedBy = pm,
                CreatedAt = at,
                UpdatedAt = at,
            };
            await stores.Milestones.CreateAsync(milestone, new PlanChange(at, pm, PlanChange.CreatedField, null, title), cancellationToken);
        }
    }
}
