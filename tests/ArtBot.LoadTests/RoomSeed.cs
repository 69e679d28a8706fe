using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Votes;
using ArtBot.Storage.Arts;
using ArtBot.Storage.Impediments;
using ArtBot.Storage.Improvements;
using ArtBot.Storage.Planning;
using ArtBot.Storage.Sync;
using ArtBot.Storage.Votes;
using Azure.Data.Tables;

namespace ArtBot.LoadTests;

/// <summary>
/// An ART the size the ART room is built for, written straight into storage: 12 teams of about 10 (125 people), three
/// PIs of history (team and ART votes with every ballot, objectives with values), this PI's weekly check-ins, 60
/// impediments and risks, 30 improvement items, 40 dependencies.
/// </summary>
public static class RoomSeed
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const int Teams = 12;
    public const int People = 125;
    public const string RteAad = "rte-aad";

    /// <summary>Person <paramref name="i"/> of the ART (0 to <see cref="People"/> - 1): Entra object id and name, the same in every seeded vote.</summary>
    public static (string Aad, string Name) Member(int i) =>
        ($"5eed{i.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)}-0000-4000-8000-000000000125", $"Person {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static async Task<Art> CreateAsync(string connectionString, string serviceUrl, DateTimeOffset now)
    {
        var tables = new TableServiceClient(connectionString);
        async Task<TableClient> Table(string name)
        {
            var table = tables.GetTableClient(name);
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            return table;
        }

        var arts = new ArtStore(await Table(ArtStore.TableName).ConfigureAwait(false), await Table(ArtStore.ConversationsTableName).ConfigureAwait(false));
        var votes = new VoteStore(await Table(VoteStore.TableName).ConfigureAwait(false), await Table(VoteStore.IndexTableName).ConfigureAwait(false), await Table(VoteStore.DueTableName).ConfigureAwait(false));
        var impediments = new ImpedimentStore(await Table(ImpedimentStore.TableName).ConfigureAwait(false), TimeProvider.System);
        var improvements = new ImprovementStore(await Table(ImprovementStore.TableName).ConfigureAwait(false));
        var sync = new SyncStore(await Table(SyncStore.TableName).ConfigureAwait(false));
        var planning = await Table(PlanMappings.TableName).ConfigureAwait(false);
        var objectives = PlanMappings.Objectives(planning);
        var dependencies = PlanMappings.Dependencies(planning);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pis = Enumerable.Range(0, 3).Select(i => new ProgramIncrement($"PI {i + 1}", today.AddDays(-84 * (2 - i) - 42), today.AddDays(-84 * (2 - i) + 41))).ToList();
        var rte = new Person(RteAad, "Riley RTE");
        var art = new Art
        {
            Id = "benchart0000000000000000",
            TenantId = TenantId,
            Name = "Benchmark ART",
            HomeConversationId = "19:bench-home@thread.tacv2",
            ServiceUrl = serviceUrl,
            SummaryConversationId = "19:bench-home@thread.tacv2",
            CurrentPi = pis[^1],
            Sync = new SyncSchedule(now.DayOfWeek, new TimeOnly(10, 0), "UTC"),
            Rtes = [rte],
            CreatedBy = rte,
        };
        await arts.CreateAsync(art, default).ConfigureAwait(false);
        var teams = new List<ArtTeam>();
        for (var t = 0; t < Teams; t++)
        {
            var team = new ArtTeam { TenantId = TenantId, ArtId = art.Id, ConversationId = $"19:bench-team{t:00}@thread.tacv2", TeamName = $"Team {t + 1:00}", ServiceUrl = serviceUrl };
            await arts.JoinAsync(team, default).ConfigureAwait(false);
            teams.Add(team);
        }

        var random = new Random(17);
        var work = new List<Task>();

        // Votes: each team and the ART, each PI, everyone casting; closed.
        foreach (var (pi, p) in pis.Select((pi, p) => (pi, p)))
        {
            foreach (var (team, t) in teams.Select((team, t) => (team, t)).Append((null!, -1)))
            {
                var conversation = team?.ConversationId ?? art.HomeConversationId;
                var vote = new Vote
                {
                    Id = $"v{p}{t + 1:00}".PadRight(24, '0'),
                    TenantId = TenantId, ConversationId = conversation, PostedConversationId = conversation, ServiceUrl = serviceUrl,
                    Question = "Are we confident in our PI objectives?", CreatorId = rte.Id, CreatedAt = now.AddDays(-84 * (2 - p)),
                    ArtId = art.Id, PiName = pi.Name, Scope = team is null ? VoteScope.Art : VoteScope.Team, TeamName = team?.TeamName, Anonymous = t % 3 == 0,
                };
                work.Add(CastAndCloseAsync(votes, vote, team is null ? People : People / Teams, random.Next(2, 6), now));
            }
        }

        // This PI's check-ins, every team every past week.
        foreach (var occurrence in SyncCalendar.Enumerate(art, pis[^1].Start, 12).Where(o => o.SyncAt < now))
        {
            foreach (var team in teams)
            {
                work.Add(sync.SaveAnswerAsync(new CheckInAnswer
                {
                    Occurrence = OccurrenceKey.Of(art, occurrence), TeamConversationId = team.ConversationId, TeamName = team.TeamName,
                    Status = (ObjectiveStatus)random.Next(0, 3), Progress = "Progress as planned", AnsweredBy = rte, AnsweredAt = occurrence.PromptAt,
                }, default));
            }
        }

        for (var i = 0; i < 60; i++)
        {
            var team = teams[i % Teams];
            var draft = new Impediment
            {
                Id = "", TenantId = TenantId, ScopeId = team.ConversationId, ConversationId = team.ConversationId, TeamName = team.TeamName, ArtId = art.Id,
                Kind = i % 2 == 0 ? ImpedimentKind.Impediment : ImpedimentKind.Risk, Title = $"Impediment {i}: test environment unstable",
                Roam = i % 2 == 0 ? null : (RoamStatus?)(i % 4), RaisedBy = rte, RaisedAt = now.AddDays(-i), Source = ImpedimentSource.Command($"bench-{i}"),
                ServiceUrl = serviceUrl, PostedConversationId = team.ConversationId,
            };
            work.Add(impediments.RaiseAsync(draft, $"bench-{i}", default));
        }

        var scope = new ImprovementScope(TenantId, art.Id, art.HomeConversationId);
        for (var i = 0; i < 30; i++)
        {
            var item = new ImprovementItem
            {
                Id = $"{i:x2}".PadLeft(16, 'b'), Scope = scope, Title = $"Improvement {i}", Problem = "Builds are slow",
                Status = (ImprovementStatus)(i % 5), TargetPi = pis[i % 3].Name, SourcePi = pis[Math.Max(0, (i % 3) - 1)].Name, CreatedAt = now.AddDays(-3 * i), UpdatedAt = now,
            };
            work.Add(improvements.CreateAsync(item, new ImprovementChange(now, rte.Id, rte.Name, ImprovementField.Created, null, null), default));
        }

        foreach (var (pi, p) in pis.Select((pi, p) => (pi, p)))
        {
            foreach (var (team, t) in teams.Select((team, t) => (team, t)))
            {
                for (var n = 0; n < 8; n++)
                {
                    var objective = new PiObjective
                    {
                        Id = PlanIds.Objective(TenantId, art.Id, team.ConversationId, $"{p}-{n}"), TenantId = TenantId, ArtId = art.Id,
                        TeamConversationId = team.ConversationId, TeamName = team.TeamName, Pi = pi.Name, PiStart = pi.Start, Text = $"Objective {n} of {team.TeamName}",
                        Committed = n < 6, PlannedValue = 1 + random.Next(10), ActualValue = p < 2 ? random.Next(11) : null, CreatedBy = rte, CreatedAt = pi.Start.ToDateTime(TimeOnly.MinValue).AddDays(-3),
                    };
                    work.Add(objectives.CreateAsync(objective, new PlanChange(now, rte, ObjectiveField.Created, null, null), default));
                }
            }
        }

        for (var i = 0; i < 40; i++)
        {
            var (from, to) = (teams[i % Teams], teams[(i + 1) % Teams]);
            var dependency = new Dependency
            {
                Id = PlanIds.Dependency(TenantId, art.Id, $"bench-{i}"), TenantId = TenantId, ArtId = art.Id, Pi = pis[^1].Name, PiStart = pis[^1].Start,
                Text = $"Dependency {i}: an API", RequesterConversationId = from.ConversationId, RequesterTeamName = from.TeamName,
                ProviderConversationId = to.ConversationId, ProviderTeamName = to.TeamName, NeededBy = 1 + (i % 6), CommittedIteration = i % 3 == 0 ? null : 1 + ((i + 1) % 6),
                Status = (DependencyStatus)(i % 5), RequestedBy = rte, CreatedAt = now.AddDays(-i),
            };
            work.Add(dependencies.CreateAsync(dependency, new PlanChange(now, rte, DependencyField.Created, null, null), default));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        return art;
    }

    private static async Task CastAndCloseAsync(VoteStore votes, Vote vote, int voters, int typical, DateTimeOffset now)
    {
        await votes.CreateAsync(vote, default).ConfigureAwait(false);
        for (var v = 0; v < voters; v++)
        {
            await votes.CastAsync(vote, Member(v).Aad, vote.Anonymous ? null : Member(v).Name, null, Math.Clamp(typical + (v % 3) - 1, 1, 5), default).ConfigureAwait(false);
        }

        if (await votes.BeginCloseAsync(vote.Id, now, default).ConfigureAwait(false))
        {
            await votes.FinishCloseAsync(vote.Id, default).ConfigureAwait(false);
        }
    }
}
