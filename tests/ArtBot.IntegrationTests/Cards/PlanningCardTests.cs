using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Features.Dependencies;
using ArtBot.Features.Objectives;
using ArtBot.Features.Sync;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>The PI objectives, predictability and dependency cards: accepted by the official renderer, and small enough for Teams at a large ART's size.</summary>
public sealed class PlanningCardTests
{
    private const int MaxCardBytes = 28 * 1024;
    private static readonly DateOnly BeforePi = new(2027, 1, 2);
    private static readonly DateOnly LastIteration = new(2027, 3, 16);
    private static readonly Person Lynne = new("bo-aad", "Lynne Robbins");

    private static readonly Art Art = PlanningCardArt.Art with { BusinessOwners = [Lynne] };

    private static ArtTeam Team(int n) => PlanningCardArt.Team(n);

    private static PiObjective Objective(int team, int n, string pi = "PI 2027.1", DateOnly? start = null) => new()
    {
        Id = $"{team:x2}{n:x2}000000000000"[..16],
        TenantId = "tenant",
        ArtId = "art-1",
        TeamConversationId = Team(team).ConversationId,
        TeamName = Team(team).TeamName,
        Pi = pi,
        PiStart = start ?? new DateOnly(2027, 1, 4),
        Text = $"Objective {n}: " + new string('w', ObjectiveRules.MaxTextLength - 20),
        Committed = n % 4 != 0,
        PlannedValue = n % 5 == 0 ? null : 1 + (n % 10),
        ActualValue = n % 3 == 0 ? null : n % 11,
        CreatedBy = Lynne,
        CreatedAt = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero),
    };

    private static Dependency Dependency(int n, DependencyStatus status, int? committed = null) => new()
    {
        Id = $"d{n:x2}0000000000000"[..16],
        TenantId = "tenant",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        Text = $"Dependency {n}: " + new string('d', DependencyRules.MaxTextLength - 20),
        RequesterConversationId = Team(1 + (n % 12)).ConversationId,
        RequesterTeamName = Team(1 + (n % 12)).TeamName,
        ProviderConversationId = Team(1 + ((n + 1) % 12)).ConversationId,
        ProviderTeamName = Team(1 + ((n + 1) % 12)).TeamName,
        NeededBy = 1 + (n % 6),
        CommittedIteration = committed,
        Status = status,
        DeclineReason = status == DependencyStatus.Declined ? "No capacity this PI" : null,
        RequestedBy = Lynne,
    };

    /// <summary>Feature <paramref name="n"/> of team <paramref name="team"/>'s, with a title as long as a feature's can be.</summary>
    private static Feature Feature(int team, int n) => new()
    {
        Id = $"f{team:x2}{n:x2}00000000000"[..16],
        TenantId = "tenant",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        Title = $"Feature {n} Team {team}: " + new string('f', ArtBot.Domain.Planning.Feature.MaxTitle - 30),
        Parts = [new FeaturePart(Team(team).ConversationId, Team(team).TeamName, 1 + (n % 6), 5)],
        CreatedBy = Lynne,
    };

    internal static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var teams = Enumerable.Range(1, 12).Select(Team).ToList();
        var objectives = teams.SelectMany((t, i) => Enumerable.Range(1, ObjectiveRules.MaxPerTeam).Select(n => Objective(i + 1, n))).ToList();
        var one = objectives.Where(o => o.TeamConversationId == teams[0].ConversationId).ToList();
        var history = new List<PlanChange>
        {
            new(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), Lynne, ObjectiveField.Created, null, "committed"),
            new(new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero), Lynne, ObjectiveField.Planned, null, "8"),
        };
        yield return ("team-open", TeamObjectivesCard.Build(Art, teams[0], one, [], BeforePi, inArtChannel: false));
        yield return ("team-actuals", TeamObjectivesCard.Build(Art, teams[0], one, [], LastIteration, inArtChannel: true, "Saved.", "Good"));
        yield return ("team-empty", TeamObjectivesCard.Build(Art, teams[0], [], [], BeforePi, inArtChannel: false));
        yield return ("art-objectives", ArtObjectivesCard.Build(Art, teams, objectives, [], BeforePi));

        // 150 features with titles at their longest, Team 01 in about half of them; each objective covers 12 of its team's.
        var features = Enumerable.Range(1, 150).Select(BacklogCardTests.Feature).ToList();
        var covering = objectives.Select(o => o with
        {
            FeatureIds = [.. features.Where(f => f.PartOf(o.TeamConversationId) is not null).Skip(o.Text.Length % 7).Take(12).Select(f => f.Id)],
        }).ToList();
        var oneCovering = covering.Where(o => o.TeamConversationId == teams[0].ConversationId).ToList();
        yield return ("team-open-features", TeamObjectivesCard.Build(Art, teams[0], oneCovering, features, BeforePi, inArtChannel: true, "Saved.", "Good"));
        yield return ("team-add-features", TeamObjectivesCard.Build(Art, teams[0], oneCovering.Take(3).ToList(), features, BeforePi, inArtChannel: false));
        yield return ("team-actuals-features", TeamObjectivesCard.Build(Art, teams[0], oneCovering, features, LastIteration, inArtChannel: false));
        yield return ("art-objectives-features", ArtObjectivesCard.Build(Art, teams, covering, features, BeforePi));
        yield return ("objective-features", ObjectiveFeaturesCard.Build(teams[0], oneCovering[0], features));
        yield return ("objective-features-all-teams", ObjectiveFeaturesCard.Build(teams[0], oneCovering[0],
            [.. features.Select(f => f with { Parts = [.. Enumerable.Range(1, 12).Select(t => new FeaturePart(Team(t).ConversationId, Team(t).TeamName, null, null))] })]));
        yield return ("objective-features-none", ObjectiveFeaturesCard.Build(teams[0], one[0], []));
        yield return ("history", ObjectiveHistoryCard.Build(teams[0], one[0], history));
        yield return ("history-features", ObjectiveHistoryCard.Build(teams[0], one[0],
            [.. history, new(new DateTimeOffset(2026, 12, 12, 9, 0, 0, TimeSpan.Zero), Lynne, ObjectiveField.Features, null, string.Join(", ", Enumerable.Range(1, 12).Select(n => "Feature " + n)))]));
        var pis = objectives
            .Concat(objectives.Select(o => o with { Pi = "PI 2026.4", PiStart = new DateOnly(2026, 10, 5), ActualValue = 10 }))
            .Concat(objectives.Select(o => o with { Pi = "PI 2026.3", PiStart = new DateOnly(2026, 7, 6), ActualValue = 0 }))
            .Concat(objectives.Select(o => o with { Pi = "PI 2026.2", PiStart = new DateOnly(2026, 4, 6), PlannedValue = null }));
        yield return ("predictability", PredictabilityCard.Build(Art, PiPredictability.History(pis, "PI 2027.1", PredictabilityCard.PisShown)));
        yield return ("predictability-empty", PredictabilityCard.Build(Art, []));
        var perTeam = teams.SelectMany((t, i) => Enumerable.Range(1, 50).Select(n => Feature(i + 1, n))).ToList();
        foreach (var status in Enum.GetValues<DependencyStatus>())
        {
            var dependency = Dependency(1, status, status is DependencyStatus.Committed or DependencyStatus.AtRisk ? 5 : null);
            yield return ($"dependency-{status}", DependencyCard.Build(Art, dependency, history, LastIteration, mayAnswer: true));
            yield return ($"dependency-{status}-requester", DependencyCard.Build(Art, dependency, history, BeforePi, mayAnswer: false, "Saved."));
        }

        // Tied on both sides, the providing team choosing among more features than a card offers, and the ties' history.
        var tied = Dependency(1, DependencyStatus.Committed, 3) with { RequesterFeatureId = Feature(2, 1).Id, ProviderFeatureId = Feature(3, 7).Id };
        var tiedHistory = history.Concat(Enumerable.Range(0, 4).Select(n => new PlanChange(
            new DateTimeOffset(2027, 1, 12 + n, 9, 0, 0, TimeSpan.Zero), Lynne, DependencyField.ProviderFeature, Feature(3, n).Title, Feature(3, n + 1).Title))).ToList();
        yield return ("dependency-tied", DependencyCard.Build(Art, tied, tiedHistory, BeforePi, mayAnswer: true, "Saved.", null, DependencyCardFeatures.From(perTeam, Art, tied)));
        yield return ("dependency-tied-requester", DependencyCard.Build(Art, tied, tiedHistory, BeforePi, mayAnswer: false, null, null, DependencyCardFeatures.From(perTeam, Art, tied)));

        var ours = DependencyFeatures.Of(perTeam, Art, teams[0].ConversationId);
        yield return ("dependency-form", DependencyFormCard.Build(Art, teams[0], teams, one, ours, BeforePi, "Need the fraud API"));
        yield return ("dependency-form-alone", DependencyFormCard.Build(Art, teams[0], [teams[0]], [], [], BeforePi, null));
        var dependencies = Enumerable.Range(0, 60).Select(n => Dependency(n, (DependencyStatus)(n % 5), n % 7)).ToList();
        yield return ("dependencies-art", DependencyListCard.Build(Art, null, dependencies, LastIteration));
        yield return ("dependencies-team", DependencyListCard.Build(Art, teams[1], dependencies, LastIteration));

        var occurrence = SyncCalendar.Next(Art, new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero))!;
        var answer = new CheckInAnswer
        {
            Occurrence = OccurrenceKey.Of(Art, occurrence),
            TeamConversationId = teams[0].ConversationId,
            TeamName = teams[0].TeamName,
            Status = ObjectiveStatus.AtRisk,
            Dependencies = [new CheckInItem("Need the Team 02 fraud API", true), new CheckInItem("Tracked one", true) { DependencyId = "d000000000000000" }],
            AnsweredBy = Lynne,
        };
        var atRisk = dependencies.Take(30).Select(d => new DependencyAtRisk(d.RequesterTeamName, d.ProviderTeamName, d.Text, "not delivered by the end of iteration 2 (31 Jan)")).ToList();
        yield return ("summary-dependencies", SummaryCard.Build(Art, occurrence, SyncSummary.Build(teams, [answer]), null, DateTimeOffset.UnixEpoch, null, atRisk));
    }

    [Fact]
    public async Task Every_planning_card_is_accepted_by_the_official_renderer_under_schema_1_5()
    {
        await CardValidator.AssertAllAcceptedAsync(EveryCard().Select(c => c.Card));
    }

    [Fact]
    public void Every_planning_card_stays_under_teams_message_size_for_twelve_teams_with_full_lists()
    {
        foreach (var (name, card) in EveryCard())
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(card, BotJsonContext.Default.AdaptiveCard).Length;
            Assert.True(bytes < MaxCardBytes, $"{name}: {bytes} bytes");
        }
    }
}
