using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.DemoTrain;

/// <summary>
/// Dependencies between teams, found at each PI Planning: most committed in time and delivered, some declined with a
/// reason, some committed later than needed; in the current PI (now in its IP iteration) a few not delivered when their
/// iteration ended, two of them raised as risks to ROAM.
/// </summary>
internal static class DemoDependencies
{
    private static readonly int[] PerPi = [14, 16, 30];

    public static IReadOnlyList<DemoDependency> Plan(DemoTrain train, DemoRandom random)
    {
        var list = new List<DemoDependency>();
        foreach (var (pi, p) in train.Calendar.Pis.Select((pi, p) => (pi, p)))
        {
            var planning = DemoCalendar.PlanningDay(pi);
            var iterations = train.Art.Cadence.Of(pi);
            for (var i = 0; i < PerPi[p]; i++)
            {
                var provider = train.Teams[random.Next(0, train.Teams.Count)];
                var requester = train.Teams[(provider.Index + random.Next(1, train.Teams.Count)) % train.Teams.Count];
                var neededBy = random.Next(1, 5);
                var key = $"demo-{p}-{i}";
                var id = PlanIds.Dependency(train.TenantId, train.Art.Id, key);
                // What becomes of it: delivered in time (most), declined, committed late then delivered, and in the current PI
                // some still open: committed but not delivered, committed late, or never answered.
                var fate = p < 2
                    ? random.Next(0, 10) switch { < 7 => Fate.Delivered, 7 => Fate.Declined, _ => Fate.LateDelivered }
                    : i switch { < 4 => Fate.Committed, < 6 => Fate.CommittedLate, < 8 => Fate.Unanswered, < 10 => Fate.Declined, < 13 => Fate.LateDelivered, _ => Fate.Delivered };
                var committed = fate switch
                {
                    Fate.Declined or Fate.Unanswered => (int?)null,
                    Fate.CommittedLate or Fate.LateDelivered => Math.Min(neededBy + random.Next(1, 3), iterations.Count - 1),
                    _ => Math.Max(1, neededBy - random.Next(0, 2)),
                };
                var risk = p == 2 && i is 0 or 4
                    ? ImpedimentIds.FromKey(train.TenantId, requester.ScopeId, "dependency:" + id)
                    : null;
                var created = DemoCalendar.At(planning.AddDays(-1), new TimeOnly(13, 0).AddMinutes(3 * i));
                list.Add(new DemoDependency(
                    new Dependency
                    {
                        Id = id,
                        TenantId = train.TenantId,
                        ArtId = train.Art.Id,
                        Pi = pi.Name,
                        PiStart = pi.Start,
                        Text = random.Pick(DemoTexts.Offerings[provider.Index]),
                        RequesterConversationId = requester.ConversationId,
                        RequesterTeamName = requester.Name,
                        ProviderConversationId = provider.ConversationId,
                        ProviderTeamName = provider.Name,
                        NeededBy = neededBy,
                        CommittedIteration = committed,
                        Status = fate switch
                        {
                            Fate.Delivered or Fate.LateDelivered => DependencyStatus.Delivered,
                            Fate.Declined => DependencyStatus.Declined,
                            Fate.Unanswered => DependencyStatus.Requested,
                            _ => committed > neededBy ? DependencyStatus.AtRisk : DependencyStatus.Committed,
                        },
                        DeclineReason = fate == Fate.Declined ? random.Pick(DemoTexts.DeclineReasons) : null,
                        RiskId = risk,
                        RequestedBy = requester.ProductOwner,
                        CreatedAt = created,
                        UpdatedAt = created,
                    },
                    requester,
                    provider,
                    DemoCalendar.At(planning, new TimeOnly(10, 0).AddMinutes(3 * i)),
                    committed is { } iteration ? DemoCalendar.At(iterations[iteration - 1].End.AddDays(-2), new TimeOnly(15, 0)) : null,
                    risk is null ? null : DemoCalendar.At(iterations[neededBy - 1].End.AddDays(1), new TimeOnly(11, 0))));
            }
        }

        return list;
    }

    /// <summary>Creates each dependency as requested, then the providing team answers it (commit or decline), delivers it, and the requesting team raises a risk.</summary>
    public static Task WriteAsync(DemoStores stores, IReadOnlyList<DemoDependency> dependencies, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(dependencies, DemoTrainSeeder.Parallelism(cancellationToken), async (planned, token) =>
        {
            var final = planned.Final;
            var requested = final with { CommittedIteration = null, Status = DependencyStatus.Requested, DeclineReason = null, RiskId = null };
            await stores.Dependencies.CreateAsync(requested, new PlanChange(final.CreatedAt, final.RequestedBy, DependencyField.Created, null, $"{final.RequesterTeamName} from {final.ProviderTeamName}"), token);
            var current = await stores.Dependencies.GetAsync(final.TenantId, final.ArtId, final.Id, token) ?? throw new InvalidOperationException($"Dependency {final.Id} was not stored.");
            var provider = planned.Provider.ProductOwner;
            if (current.Status == DependencyStatus.Requested && final.Status != DependencyStatus.Requested)
            {
                var answered = final.CommittedIteration is { } iteration
                    ? DependencyRules.Commit(current, iteration).Value!
                    : DependencyRules.Decline(current, final.DeclineReason).Value!;
                current = await ChangeAsync(stores, current, answered with { UpdatedAt = planned.AnsweredAt }, provider, token);
            }

            if (final.Status == DependencyStatus.Delivered && current.Status != DependencyStatus.Delivered && planned.DeliveredAt is { } delivered)
            {
                current = await ChangeAsync(stores, current, DependencyRules.Deliver(current).Value! with { UpdatedAt = delivered }, provider, token);
            }

            if (final.RiskId is { } risk && current.RiskId is null && planned.RiskAt is { } riskAt)
            {
                await ChangeAsync(stores, current, current with { RiskId = risk, UpdatedAt = riskAt }, planned.Requester.ScrumMaster, token);
            }
        });

    private static async Task<Dependency> ChangeAsync(DemoStores stores, Dependency before, Dependency after, Person by, CancellationToken cancellationToken)
    {
        var changes = DependencyRules.Changes(before, after, by, after.UpdatedAt);
        return changes.Count == 0 ? before
            : await stores.Dependencies.UpdateAsync(after, changes, cancellationToken) ?? throw new InvalidOperationException($"Dependency {before.Id} changed while it was seeded.");
    }

    private enum Fate
    {
        Delivered,
        LateDelivered,
        Declined,
        Committed,
        CommittedLate,
        Unanswered,
    }
}

/// <summary>A dependency as it ends up, its teams, and when it was answered, delivered and raised as a risk.</summary>
internal sealed record DemoDependency(Dependency Final, DemoTeam Requester, DemoTeam Provider, DateTimeOffset AnsweredAt, DateTimeOffset? DeliveredAt, DateTimeOffset? RiskAt);
