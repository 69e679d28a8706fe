using ArtBot.Features.Arts;
using ArtBot.Tests.Shared;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.People;
using ArtBot.Domain.Votes;
using ArtBot.Features.Help;
using ArtBot.Features.Installation;
using ArtBot.Features.Meetings;
using ArtBot.Features.Votes;
using ArtBot.Domain.Text;
using System.Globalization;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Every card the bot builds, in each variant it can take, by a readable name.</summary>
internal static class BotCards
{
    private static readonly Ballot[] NamedBallots = [new(5, "Megan Bowen"), new(4, "Adele Vance"), new(2, "Isaiah Langer"), new(3, "Patti Fernandez")];

    /// <summary>A hostile unknown command: 10,000 characters of Markdown, HTML and control characters.</summary>
    public static readonly string HugeMarkupCommand = string.Concat(Enumerable.Repeat(
        "**bold** _it_ [link](https://evil.example/) <script>alert(1)</script> <at>Someone</at> `code` # heading\r\n\t",
        100))[..10_000];

    /// <summary>Every card in English (the app's default language).</summary>
    public static IReadOnlyDictionary<string, AdaptiveCard> All { get; } = In(Languages.English);

    /// <summary>The languages the app speaks, as cultures.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. Languages.Supported.Select(CultureInfo.GetCultureInfo)];

    /// <summary>
    /// Every card the bot builds, built with <paramref name="culture"/> as the reader's language: the cards of this
    /// class plus the named cards of the feature card tests (impediments, improvements, planning, sync, votes).
    /// </summary>
    public static IReadOnlyDictionary<string, AdaptiveCard> In(CultureInfo culture)
    {
        using (Localized.Use(culture))
        {
            var cards = Build();
            foreach (var (name, card) in ImpedimentCardTests.Named()
                .Concat(ImprovementCardTests.All().Select(c => ("improvement-" + c.Key, c.Value)))
                .Concat(PlanningCardTests.EveryCard().Select(c => ("planning-" + c.Name, c.Card)))
                .Concat(BacklogCardTests.EveryCard().Select(c => ("backlog-" + c.Name, c.Card)))
                .Concat(SyncCardTests.Cards().Select(c => ("sync-" + c.Key, c.Value)))
                .Concat(PulseCardTests.All().Select(c => (c.Key, c.Value)))
                .Concat(ReviewCardTests.All().Select(c => (c.Key, c.Value)))
                .Concat(DemoFollowUpCardTests.All().Select(c => (c.Key, c.Value)))
                .Concat(DemoCardTests.All().Select(c => (c.Key, c.Value)))
                .Concat(VoteViewsTests.NamedCards()))
            {
                cards.Add(name, card);
            }

            return cards;
        }
    }

    /// <summary>
    /// The static card builders of the app whose cards are in this catalog: a new builder goes here and its cards above
    /// (BotCardTests fails on a builder missing from this list).
    /// </summary>
    public static readonly string[] Builders =
    [
        "ArtCards.ChooseArt", "ArtCards.Form", "ArtCards.Overview", "ArtObjectivesCard.Build", "CarryOverCard.Build", "CarryOverCard.Reminder",
        "CheckInCard.Build", "ConversationEscalation.Build", "DemoAgendaCard.Build", "DemoPromptCard.Build", "DemoTeamFeedbackCard.Build", "DependencyCard.Build", "DependencyFormCard.Build", "DependencyListCard.Build", "FeatureFormCard.Build", "FeatureListCard.Build",
        "HelpCard.Build", "ImpedimentCard.Build", "ImpedimentDialog.Build", "ImpedimentListCard.Build", "ImprovementCard.Build", "IntegrationProblemsCard.Build",
        "ImprovementListCard.Build", "MeetingSummary.Card", "MilestoneListCard.Build", "ObjectiveFeaturesCard.Build", "ObjectiveHistoryCard.Build", "PredictabilityCard.Build", "PulseCard.Build", "PulseSpreadCard.Build", "ReviewCard.Build", "RteDigest.Build", "SharedDemoAgendaUpdater.Shared", "SharedPulseCardUpdater.Shared", "SharedWorkshopCardUpdater.Shared", "SummaryCard.Build",
        "TeamObjectivesCard.Build", "TeamPlanCard.Build", "VoteCard.Build", "VoteFormCard.Build", "VoteFormCard.Started", "VoteViews.For", "VoteViews.Shared",
        "WelcomeCard.Build", "WorkshopCard.Build",
    ];

    public static TheoryData<string> Names => [.. All.Keys];

    private static Dictionary<string, AdaptiveCard> Build()
    {
        var commands = AppCommands.All;
        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["help-personal"] = HelpCard.Build(commands, ConversationTypes.Personal, null),
            ["help-channel"] = HelpCard.Build(commands, ConversationTypes.Channel, null),
            ["help-group-chat"] = HelpCard.Build(commands, ConversationTypes.GroupChat, null),
            ["help-no-conversation-type"] = HelpCard.Build(commands, null, null),
            ["help-unknown-command"] = HelpCard.Build(commands, ConversationTypes.Personal, "frobnicate"),
            ["help-unknown-huge-markup-command"] = HelpCard.Build(commands, ConversationTypes.Channel, HugeMarkupCommand),
            ["welcome-personal"] = WelcomeCard.Build(Conversation(ConversationTypes.Personal, teamName: null)),
            ["welcome-group-chat"] = WelcomeCard.Build(Conversation(ConversationTypes.GroupChat, teamName: null)),
            ["welcome-channel"] = WelcomeCard.Build(Conversation(ConversationTypes.Channel, "Rocket Team")),
            ["welcome-channel-without-team-name"] = WelcomeCard.Build(Conversation(ConversationTypes.Channel, teamName: null)),
            ["vote-open-empty"] = VoteCard.Build(Vote(anonymous: false), VoteTally.From([]), []),
            ["vote-named-my-view"] = VoteCard.Build(Vote(anonymous: false), VoteTally.From(NamedBallots.Select(b => b.Value)), NamedBallots, myValue: 2),
            ["vote-anonymous-concerns"] = VoteCard.Build(Vote(anonymous: true), VoteTally.From([1, 2, 5]), [new(1, null), new(2, null), new(5, null)], myValue: 1, concerns: [new("Dependency on the platform team is not planned", null)]),
            ["vote-closed"] = VoteCard.Build(Vote(anonymous: false) with { ClosedAt = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture) }, VoteTally.From(NamedBallots.Select(b => b.Value)), NamedBallots),
            ["vote-closed-concerns-to-raise-as-risks"] = VoteCard.Build(
                Vote(anonymous: true) with { ClosedAt = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture) },
                VoteTally.From([1, 2, 4]), [new(1, null), new(2, null), new(4, null)],
                concerns: [new("No capacity for the platform work", null) { Id = "c1" }, new("Unclear API contract", null) { Id = "c2", RiskId = "r1" }]),
            ["vote-form-in-an-art"] = VoteFormCard.Build(art: ("Rocket ART", VoteScope.Art)),
            ["sync-rte-digest"] = ArtBot.Features.Sync.RteDigest.Build(Art(), new ArtBot.Features.Sync.AgeingImpediments(14,
            [
                new ArtBot.Domain.Impediments.Impediment
                {
                    Id = "i1", TenantId = "t", ScopeId = "s", ConversationId = "19:x@thread.tacv2", TeamName = "Rocket_Team", Title = "Licence *server* down",
                    Kind = ArtBot.Domain.Impediments.ImpedimentKind.Impediment, RaisedBy = new Person("p", "Sam"),
                    RaisedAt = DateTimeOffset.Parse("2026-10-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
                    Source = ArtBot.Domain.Impediments.ImpedimentSource.Command("a1"),
                },
            ]), DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)),
            ["art-setup-form"] = ArtCards.Form(new ArtForm { TimeZone = "Europe/Berlin" }, [new Choice("This channel", "19:x@thread.tacv2")], null),
            ["art-settings-form-with-error"] = ArtCards.Form(ArtForm.From(Art()), [new Choice("This channel", "19:x@thread.tacv2")], Art(), "'Mars' is not a time zone I know."),
            ["art-overview"] = ArtCards.Overview(Art(), [Team("Rocket", null), Team("Comet", DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture))], new DateOnly(2026, 11, 22), "Settings saved."),
            ["art-overview-no-teams"] = ArtCards.Overview(Art() with { CurrentPi = null }, [], new DateOnly(2026, 11, 22)),
            ["art-choose"] = ArtCards.ChooseArt("Rocket", [Art(), Art() with { Id = "a2", Name = "Second ART" }]),
            ["meeting-summary"] = MeetingSummary.Card(Meeting("PI Planning *day 2*"),
            [
                new VoteState(Vote(anonymous: false) with { Scope = VoteScope.Art, ClosedAt = DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture) }, [], [new("Test environment late", null) { Id = "c1", RiskId = "r1" }],
                    new VoteFinal(VoteTally.From([4, 4, 3, 2]), new HashSet<string>())),
                new VoteState(Vote(anonymous: true) with { TeamName = "Rocket", Round = 2 }, [], [], new VoteFinal(VoteTally.From([]), new HashSet<string>())),
            ]),
            ["meeting-summary-no-votes"] = MeetingSummary.Card(Meeting(null), []),
        };
    }

    private static ArtBot.Domain.Meetings.Meeting Meeting(string? title) => new()
    {
        TenantId = "t", MeetingId = "MCMxOTptZWV0aW5n", ChatId = "19:x@thread.tacv2;messageid=1", ServiceUrl = "https://smba.trafficmanager.net/emea/", Title = title,
    };

    private static Art Art() => new()
    {
        Id = "0123456789abcdef01234567",
        TenantId = "t",
        Name = "Rocket ART",
        HomeConversationId = "19:x@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:x@thread.tacv2",
        CurrentPi = new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 12)),
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin"),
        Rtes = [new Person("aad-1", "Riley RTE")],
        SkippedDates = [new DateOnly(2026, 12, 23)],
        CreatedBy = new Person("aad-1", "Riley RTE"),
        Version = "W/\"etag\"",
    };

    private static ArtTeam Team(string name, DateTimeOffset? unreachableSince) => new()
    {
        TenantId = "t", ArtId = "0123456789abcdef01234567", ConversationId = "19:" + name + "@thread.tacv2", TeamName = name,
        ServiceUrl = "https://smba.trafficmanager.net/emea/", UnreachableSince = unreachableSince,
    };

    private static Vote Vote(bool anonymous) => new()
    {
        Id = "v-1",
        TenantId = "t",
        ConversationId = "19:x@thread.tacv2",
        PostedConversationId = "19:x@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Question = "How confident are we in the PI 26.1 team objectives?",
        Anonymous = anonymous,
        CreatorId = "29:1",
        CreatorName = "Alex Wilber",
        CreatedAt = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static InstalledConversation Conversation(string type, string? teamName) => new()
    {
        TenantId = "t",
        ConversationId = type == ConversationTypes.Personal ? "a:1" : "19:x@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ConversationType = type,
        TeamName = teamName,
    };
}
