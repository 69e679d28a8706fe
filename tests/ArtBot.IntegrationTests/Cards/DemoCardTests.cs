using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Features.Demos;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>
/// The System Demo cards for the catalog: the agenda (empty, skipped, and the largest: 12 teams × 4 items of the longest
/// titles, 60 feedback givers, integration problems, an own view) and a team's prompt (new, saved, skipped).
/// </summary>
public sealed class DemoCardTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly ProgramIncrement Pi = new("PI 2027.1 **bold**", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28));

    private static Art Art() => new()
    {
        Id = "art-1",
        TenantId = "t",
        Name = "Rocket ART <b>x</b>",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:home@thread.tacv2",
        CurrentPi = Pi,
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin"),
        Rtes = [new Person("rte", "Riley RTE")],
        CreatedBy = new Person("rte", "Riley RTE"),
    };

    private static SystemDemo Demo(bool skipped = false) => new()
    {
        Id = DemoIds.Demo("t", "art-1", Pi.Name, 1),
        TenantId = "t",
        ArtId = "art-1",
        Pi = Pi.Name,
        Iteration = 1,
        Date = new DateOnly(2027, 1, 15),
        Time = new TimeOnly(14, 0),
        Skipped = skipped,
        CreatedAt = T0,
    };

    private static ArtTeam Team(int n) => new()
    {
        TenantId = "t",
        ArtId = "art-1",
        ConversationId = $"19:team{n:00}@thread.tacv2",
        TeamName = $"Rocket {n:00} Payments Phoenix Comet",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
    };

    private static DemoTeamAnswer Answer(SystemDemo demo, ArtTeam team, int items, bool nothing = false)
    {
        var id = DemoIds.TeamAnswer("t", "art-1", demo.Id, team.ConversationId);
        return new DemoTeamAnswer
        {
            Id = id,
            TenantId = "t",
            ArtId = "art-1",
            Pi = demo.Pi,
            Iteration = 1,
            DemoId = demo.Id,
            TeamConversationId = team.ConversationId,
            TeamName = team.TeamName,
            NothingToShow = nothing,
            Items = [.. Enumerable.Range(1, items).Select(i => new DemoItem(
                DemoIds.Item(id, DemoItemKind.Text, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), DemoItemKind.Text, null,
                $"Item {i} " + new string('t', DemoItem.MaxTitle - 8), new string('p', DemoItem.MaxPresenter)))],
            AnsweredAt = T0,
            AnsweredBy = new Person("m", "Megan"),
        };
    }

    private static DemoAgenda Agenda(int teams, int answered, int itemsEach, int givers, bool skipped = false)
    {
        var art = Art();
        var demo = Demo(skipped);
        var all = Enumerable.Range(1, teams).Select(Team).ToList();
        var answers = all.Take(answered).Select((t, n) => Answer(demo, t, itemsEach, nothing: itemsEach > 0 && n == answered - 1 && answered < teams)).ToList();
        var items = answers.SelectMany(a => a.Items.Select(i => (a, i))).ToList();
        var feedback = items.Count == 0 ? [] : Enumerable.Range(0, givers * 2).Select(n =>
        {
            var (answer, item) = items[n % items.Count];
            return new DemoFeedback
            {
                Id = "f" + n,
                TenantId = "t",
                ArtId = "art-1",
                Pi = demo.Pi,
                Iteration = 1,
                DemoId = demo.Id,
                TeamConversationId = answer.TeamConversationId,
                ItemId = item.Id,
                Verdict = (DemoVerdict)(n % 3),
                Comment = new string('c', DemoFeedback.MaxComment),
                By = new Person($"00000000-0000-0000-0000-{n % givers:000000000000}", "Person " + n),
                UpdatedAt = T0.AddMinutes(n),
            };
        }).ToList();
        var problems = items.Take(5).Select((e, n) => new IntegrationProblem
        {
            Id = "p" + n,
            TenantId = "t",
            ArtId = "art-1",
            Pi = demo.Pi,
            Iteration = 1,
            DemoId = demo.Id,
            ItemId = n == 0 ? null : e.i.Id,
            WhatFailed = "broke",
            RaisedBy = new Person("bo", "Lynne"),
        }).ToList();
        return new DemoAgenda(art, demo, DemoAgendaReader.When(art, demo), all, answers, feedback, problems);
    }

    private static DemoPromptView Prompt(bool saved, bool skipped = false, int features = 3, int objectives = 3)
    {
        var art = Art();
        var demo = Demo(skipped);
        var team = Team(1);
        var featureList = Enumerable.Range(1, features).Select(n => new Feature
        {
            Id = "feature-" + n,
            TenantId = "t",
            ArtId = "art-1",
            Pi = demo.Pi,
            Title = $"Feature {n} " + new string('f', Feature.MaxTitle - 12),
            CreatedBy = new Person("pm", "Pat"),
        }).ToList();
        var objectiveList = Enumerable.Range(1, objectives).Select(n => new PiObjective
        {
            Id = "objective-" + n,
            TenantId = "t",
            ArtId = "art-1",
            TeamConversationId = team.ConversationId,
            TeamName = team.TeamName,
            Pi = demo.Pi,
            Text = $"Objective {n} " + new string('o', 300),
            CreatedBy = new Person("m", "Megan"),
        }).ToList();
        var answer = saved ? Answer(demo, team, 4) : null;
        return new DemoPromptView(art, demo, DemoAgendaReader.When(art, demo), team, answer, featureList, objectiveList);
    }

    public static Dictionary<string, AdaptiveCard> All() => new(StringComparer.Ordinal)
    {
        ["demo-agenda-no-answers"] = SharedDemoAgendaUpdater.Shared(Agenda(3, 0, 0, 0), ArtBot.Domain.Text.Localized.Format(DemoStrings.NoticeAnswered, 0, 3)),
        ["demo-agenda-skipped"] = DemoAgendaCard.Build(Agenda(3, 0, 0, 0, skipped: true)),
        ["demo-agenda-some-answered-own-view"] = DemoAgendaCard.Build(Agenda(4, 3, 2, 3), "00000000-0000-0000-0000-000000000001", DemoStrings.NoticeFeedbackSaved),
        ["demo-agenda-largest"] = DemoAgendaCard.Build(Agenda(12, 12, 4, 60), "00000000-0000-0000-0000-000000000007", DemoStrings.NoticeProblemSaved),
        ["demo-prompt-new"] = DemoPromptCard.Build(Prompt(saved: false)),
        ["demo-prompt-saved-largest"] = DemoPromptCard.Build(Prompt(saved: true, features: 30, objectives: 12), DemoStrings.NoticeAnswerSaved),
        ["demo-prompt-skipped"] = DemoPromptCard.Build(Prompt(saved: false, skipped: true)),
    };
}
