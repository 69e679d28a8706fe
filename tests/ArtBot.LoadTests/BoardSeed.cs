using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Storage.Arts;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;

namespace ArtBot.LoadTests;

/// <summary>
/// A program board the size issue 27 names, written straight into storage: 12 teams, a PI of 5 iterations (the last
/// IP) that started a week ago, 150 features (one to three teams each, most parts placed), 80 dependencies between
/// teams tied to the features on both sides (some late, some in the same iteration, some requested), capacity for every
/// team and iteration, 4 milestones.
/// </summary>
public static class BoardSeed
{
    public const string TenantId = RoomSeed.TenantId;
    public const string RteAad = RoomSeed.RteAad;
    public const int Teams = 12;
    public const int Features = 150;
    public const int Dependencies = 80;
    public const int Iterations = 5;
    public const string Home = "19:board-home@thread.tacv2";

    public static string Team(int t) => $"19:board-team{t:00}@thread.tacv2";

    public static async Task<(Art Art, IReadOnlyList<Feature> Features)> CreateAsync(string connectionString, string serviceUrl, DateTimeOffset now)
    {
        var tables = new TableServiceClient(connectionString);
        async Task<TableClient> Table(string name)
        {
            var table = tables.GetTableClient(name);
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            return table;
        }

        var arts = new ArtStore(await Table(ArtStore.TableName).ConfigureAwait(false), await Table(ArtStore.ConversationsTableName).ConfigureAwait(false));
        var planning = await Table(PlanMappings.TableName).ConfigureAwait(false);
        var features = PlanMappings.Features(planning);
        var dependencies = PlanMappings.Dependencies(planning);
        var capacities = PlanMappings.Capacities(planning);
        var milestones = PlanMappings.Milestones(planning);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pi = new ProgramIncrement("PI 2027.1", today.AddDays(-7), today.AddDays(Iterations * 14 - 8));
        var rte = new Person(RteAad, "Riley RTE");
        var art = new Art
        {
            Id = "boardart000000000000000",
            TenantId = TenantId,
            Name = "Board ART",
            HomeConversationId = Home,
            ServiceUrl = serviceUrl,
            SummaryConversationId = Home,
            CurrentPi = pi,
            Sync = new SyncSchedule(now.DayOfWeek, new TimeOnly(10, 0), "UTC"),
            Rtes = [rte],
            CreatedBy = rte,
        };
        await arts.CreateAsync(art, default).ConfigureAwait(false);
        var teams = Enumerable.Range(0, Teams)
            .Select(t => new ArtTeam { TenantId = TenantId, ArtId = art.Id, ConversationId = Team(t), TeamName = $"Team {t + 1:00}", ServiceUrl = serviceUrl })
            .ToList();
        foreach (var team in teams)
        {
            await arts.JoinAsync(team, default).ConfigureAwait(false);
        }

        var random = new Random(27);
        var created = new PlanChange(now, rte, PlanChange.CreatedField, null, null);
        var work = new List<Task>();
        var seeded = new List<Feature>();
        for (var f = 0; f < Features; f++)
        {
            var involved = teams.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
            var feature = new Feature
            {
                Id = PlanIds.Feature(TenantId, art.Id, "bench-" + f),
                TenantId = TenantId,
                ArtId = art.Id,
                Pi = pi.Name,
                PiStart = pi.Start,
                Title = $"Feature {f + 1:000}: {Words[f % Words.Length]}",
                Description = "Benchmark feature with a description of ordinary length, as a Product Manager writes it.",
                BusinessValue = 1 + random.Next(10),
                Wsjf = f % 3 == 0 ? new Wsjf(Wsjf.Scale[random.Next(7)], Wsjf.Scale[random.Next(7)], Wsjf.Scale[random.Next(7)], Wsjf.Scale[1 + random.Next(6)]) : null,
                State = FeatureState.Planned,
                Parts = [.. involved.Select(t => new FeaturePart(t.ConversationId, t.TeamName, random.Next(10) < 8 ? 1 + random.Next(Iterations - 1) : null, 3 + random.Next(11)))],
                CreatedBy = rte,
                CreatedAt = now,
                UpdatedAt = now,
            };
            seeded.Add(feature);
            work.Add(features.CreateAsync(feature, created, default));
        }

        for (var d = 0; d < Dependencies; d++)
        {
            var requester = seeded[random.Next(seeded.Count)];
            var provider = seeded[random.Next(seeded.Count)];
            while (provider.Parts[0].TeamConversationId == requester.Parts[0].TeamConversationId)
            {
                provider = seeded[random.Next(seeded.Count)];
            }

            var needed = requester.Parts[0].Iteration ?? 1 + random.Next(Iterations - 1);
            work.Add(dependencies.CreateAsync(new Dependency
            {
                Id = PlanIds.Dependency(TenantId, art.Id, "bench-" + d),
                TenantId = TenantId,
                ArtId = art.Id,
                Pi = pi.Name,
                PiStart = pi.Start,
                Text = $"Dependency {d + 1:00}: {Words[(d * 7) % Words.Length]} API",
                RequesterConversationId = requester.Parts[0].TeamConversationId,
                RequesterTeamName = requester.Parts[0].TeamName,
                ProviderConversationId = provider.Parts[0].TeamConversationId,
                ProviderTeamName = provider.Parts[0].TeamName,
                NeededBy = needed,
                CommittedIteration = provider.Parts[0].Iteration,
                Status = provider.Parts[0].Iteration is null ? DependencyStatus.Requested : DependencyStatus.Committed,
                RequesterFeatureId = requester.Id,
                ProviderFeatureId = provider.Id,
                RequestedBy = rte,
                CreatedAt = now,
                UpdatedAt = now,
            }, created, default));
        }

        foreach (var team in teams)
        {
            work.Add(capacities.CreateAsync(new TeamCapacity
            {
                Id = PlanIds.Capacity(TenantId, art.Id, team.ConversationId, pi.Name),
                TenantId = TenantId,
                ArtId = art.Id,
                Pi = pi.Name,
                PiStart = pi.Start,
                TeamConversationId = team.ConversationId,
                TeamName = team.TeamName,
                PerIteration = [30, 30, 30, 30, 10],
                CreatedBy = rte,
                CreatedAt = now,
                UpdatedAt = now,
            }, created, default));
        }

        for (var m = 0; m < 4; m++)
        {
            work.Add(milestones.CreateAsync(new Milestone
            {
                Id = PlanIds.Milestone(TenantId, art.Id, "bench-" + m),
                TenantId = TenantId,
                ArtId = art.Id,
                Pi = pi.Name,
                PiStart = pi.Start,
                Date = pi.Start.AddDays(10 + (m * 16)),
                Title = $"Milestone {m + 1}",
                Kind = (MilestoneKind)(m % 3),
                CreatedBy = rte,
                CreatedAt = now,
                UpdatedAt = now,
            }, created, default));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        return (art, seeded);
    }

    private static readonly string[] Words = ["checkout", "search", "payments", "login", "reports", "mobile app", "notifications", "export", "onboarding", "pricing", "catalog", "audit log"];
}
