using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Backlog;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>The ART backlog cards (feature form, features, a team's plan, milestones): accepted by the official renderer, and under Teams' size at 12 teams and 150 features.</summary>
public sealed class BacklogCardTests
{
    private const int MaxCardBytes = 28 * 1024;
    private static readonly Person Pat = new("pm-aad", "Pat Product");

    private static readonly Art Art = PlanningCardArt.Art with { ProductManagers = [Pat] };

    private static ArtTeam Team(int n) => PlanningCardArt.Team(n);

    /// <summary>Feature <paramref name="n"/>: every fourth involves all 12 teams, the others three; titles at their longest.</summary>
    internal static Feature Feature(int n) => new()
    {
        Id = $"f{n:x3}000000000000"[..16],
        TenantId = "tenant",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        PiStart = new DateOnly(2027, 1, 4),
        Title = $"Feature {n}: " + new string('t', Domain.Planning.Feature.MaxTitle - 14),
        BusinessValue = 1 + (n % 10),
        Wsjf = n % 3 == 0 ? null : new Wsjf(Wsjf.Scale[n % 7], Wsjf.Scale[(n + 1) % 7], Wsjf.Scale[(n + 2) % 7], Wsjf.Scale[(n + 3) % 7]),
        State = (FeatureState)(n % 4),
        Parts = [.. Enumerable.Range(1, 12).Where(t => n % 4 == 0 || t % 4 == n % 4).Select(t => new FeaturePart(Team(t).ConversationId, Team(t).TeamName, n % 7 == 0 ? null : 1 + ((n + t) % 6), n % 5 == 0 ? null : 3 + (n % 13)))],
        CreatedBy = Pat,
        CreatedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(n),
    };

    private static Milestone Milestone(int n) => new()
    {
        Id = $"m{n:x3}000000000000"[..16],
        TenantId = "tenant",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        Date = new DateOnly(2027, 1, 4).AddDays(n * 3),
        Title = $"Milestone {n}: " + new string('m', Domain.Planning.Milestone.MaxTitle - 15),
        Kind = (MilestoneKind)(n % 3),
        CreatedBy = Pat,
    };

    internal static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var teams = Enumerable.Range(1, 12).Select(Team).ToList();
        var features = Enumerable.Range(1, 150).Select(Feature).ToList();
        var capacity = new TeamCapacity
        {
            Id = "c000000000000000", TenantId = "tenant", ArtId = "art-1", Pi = "PI 2027.1", TeamConversationId = teams[0].ConversationId,
            TeamName = teams[0].TeamName, PerIteration = [20, 20, 5, 20, null, 10], CreatedBy = Pat,
        };
        yield return ("feature-form", FeatureFormCard.Build(Art, teams));
        yield return ("feature-form-added", FeatureFormCard.Build(Art, teams, Localized.Format(BacklogStrings.NoticeAdded, "Payments", Localized.List([teams[0].TeamName, teams[1].TeamName]))));
        yield return ("features", FeatureListCard.Build(Art, features, 1, keepsBacklog: true));
        yield return ("features-last-page", FeatureListCard.Build(Art, features, 8, keepsBacklog: false));
        yield return ("features-empty", FeatureListCard.Build(Art, [], 1, keepsBacklog: true));
        yield return ("plan", TeamPlanCard.Build(Art, teams[0], features, capacity, 1));
        yield return ("plan-page-2-conflict", TeamPlanCard.Build(Art, teams[0], features, capacity, 2,
            string.Join("\n\n", Enumerable.Range(1, 5).Select(n => Localized.Format(BacklogStrings.PlanMovedMeanwhile, features[n].Title, FeatureText.Where(4, [])))), "Attention"));
        yield return ("plan-empty", TeamPlanCard.Build(Art, teams[0], [], null, 1));
        yield return ("milestones", MilestoneListCard.Build(Art, [.. Enumerable.Range(0, 30).Select(Milestone)], keepsBacklog: true, Localized.Format(BacklogStrings.MilestoneAdded, "Payments", Localized.Date(new DateOnly(2027, 2, 26)))));
        yield return ("milestones-empty", MilestoneListCard.Build(Art, [], keepsBacklog: false));
    }

    [Fact]
    public async Task Every_backlog_card_is_accepted_by_the_official_renderer_under_schema_1_5()
    {
        await CardValidator.AssertAllAcceptedAsync(EveryCard().Select(c => c.Card));
    }

    [Fact]
    public void Every_backlog_card_stays_under_teams_message_size_with_150_features_and_12_teams()
    {
        foreach (var (name, card) in EveryCard())
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(card, BotJsonContext.Default.AdaptiveCard).Length;
            Assert.True(bytes < MaxCardBytes, $"{name}: {bytes} bytes");
        }
    }

    [Fact]
    public void The_features_list_pages_and_says_how_many_more_there_are()
    {
        var text = JsonSerializer.Serialize(FeatureListCard.Build(Art, [.. Enumerable.Range(1, 150).Select(Feature)], 1, keepsBacklog: true), BotJsonContext.Default.AdaptiveCard);

        Assert.Contains("And 130 more: see the next page, or the program board in the ART room.", text, StringComparison.Ordinal);
        Assert.Contains("features.show", text, StringComparison.Ordinal);
    }
}
