using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Features.Demos;
using ArtBot.Features.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Demos;

/// <summary>
/// What follows a System Demo, through POST /api/messages: the team's feedback card (posted once, then updated in
/// place), "needs work" made an improvement item or a feature change (once, by the team, its RTEs and PMs only), the
/// integration problems' repair plan, <c>integration problems</c>, the sync summary's section and the I&amp;A offer.
/// The agenda's rows (team answer, feedback, problems) are seeded through the stores, as the agenda card would write them.
/// </summary>
[Collection(BotTests.Name)]
public sealed class DemoFollowUpTests(BotHost bot)
{
    private const string Pi = "PI 2027.1";
    private static readonly DateTimeOffset InIteration3 = new(2027, 2, 12, 15, 0, 0, TimeSpan.Zero);

    private sealed record Seeded(DemoTeamAnswer Answer, Feature Feature, DemoFeedback NeedsWork, DemoFeedback Accepted);

    private static async Task<Seeded> SeedAsync(PlanningRig rig)
    {
        var services = rig.Services;
        var art = rig.Art;
        var now = rig.Clock.GetUtcNow();
        var team = rig.Rocket.ConversationId;
        var feature = new Feature
        {
            Id = PlanIds.Feature(art.TenantId, art.Id, "checkout"),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = Pi,
            Title = "Checkout with saved cards",
            State = FeatureState.Done,
            Parts = [new FeaturePart(team, "Rocket", 3, 5)],
            CreatedBy = new Person(PlanningRig.RteAad, "Riley RTE"),
            CreatedAt = now,
        };
        Assert.True(await services.GetRequiredService<IPlanStore<Feature>>().CreateAsync(feature, new PlanChange(now, feature.CreatedBy, PlanChange.CreatedField, null, feature.Title), default));

        var demoId = DemoIds.Demo(art.TenantId, art.Id, Pi, 3);
        var answerId = DemoIds.TeamAnswer(art.TenantId, art.Id, demoId, team);
        var answer = new DemoTeamAnswer
        {
            Id = answerId,
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = Pi,
            Iteration = 3,
            DemoId = demoId,
            TeamConversationId = team,
            TeamName = "Rocket",
            Items =
            [
                new DemoItem(DemoIds.Item(answerId, DemoItemKind.Feature, feature.Id), DemoItemKind.Feature, feature.Id, feature.Title, "Megan Bowen"),
                new DemoItem(DemoIds.Item(answerId, DemoItemKind.Text, "latency"), DemoItemKind.Text, null, "Search latency dashboard", null),
            ],
            AnsweredAt = now,
            CreatedAt = now,
        };
        var by = new Person("x", "x");
        var answers = services.GetRequiredService<IPlanStore<DemoTeamAnswer>>();
        Assert.True(await answers.CreateAsync(answer, new PlanChange(now, by, PlanChange.CreatedField, null, null), default));

        var feedback = services.GetRequiredService<IPlanStore<DemoFeedback>>();
        DemoFeedback Feedback(DemoItem item, string person, string name, DemoVerdict verdict, string? comment) => new()
        {
            Id = DemoIds.Feedback(art.TenantId, art.Id, item.Id, person),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = Pi,
            Iteration = 3,
            DemoId = demoId,
            TeamConversationId = team,
            ItemId = item.Id,
            Verdict = verdict,
            Comment = comment,
            By = new Person(person, name),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var needsWork = Feedback(answer.Items[0], PlanningRig.BoAad, "Lynne Robbins", DemoVerdict.NeedsWork, "The error message on a declined card is unclear");
        var accepted = Feedback(answer.Items[1], "sh-aad", "Sam Stakeholder", DemoVerdict.Accepted, null);
        Assert.True(await feedback.CreateAsync(needsWork, new PlanChange(now, needsWork.By, PlanChange.CreatedField, null, "NeedsWork"), default));
        Assert.True(await feedback.CreateAsync(accepted, new PlanChange(now, accepted.By, PlanChange.CreatedField, null, "Accepted"), default));
        return new Seeded((await answers.GetAsync(art.TenantId, art.Id, answerId, default))!, feature,
            (await feedback.GetAsync(art.TenantId, art.Id, needsWork.Id, default))!, accepted);
    }

    private static async Task<IntegrationProblem> AddProblemAsync(PlanningRig rig, Seeded seeded, string key, string whatFailed)
    {
        var art = rig.Art;
        var now = rig.Clock.GetUtcNow();
        var problem = new IntegrationProblem
        {
            Id = DemoIds.Problem(art.TenantId, art.Id, key),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = Pi,
            Iteration = 3,
            DemoId = seeded.Answer.DemoId,
            ItemId = seeded.Answer.Items[0].Id,
            ItemTitle = seeded.Answer.Items[0].Title,
            TeamConversationId = seeded.Answer.TeamConversationId,
            TeamName = "Rocket",
            WhatFailed = whatFailed,
            RaisedBy = new Person(PlanningRig.BoAad, "Lynne Robbins"),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Assert.True(await rig.Services.GetRequiredService<IPlanStore<IntegrationProblem>>().CreateAsync(problem, new PlanChange(now, problem.RaisedBy, PlanChange.CreatedField, null, whatFailed), default));
        return problem;
    }

    private static void Raise(PlanningRig rig, Seeded seeded, DemoChangeKind kind) =>
        rig.Services.GetRequiredService<DemoChanges>().Raise(new DemoChange(rig.Art.TenantId, rig.Art.Id, seeded.Answer.DemoId, kind, seeded.Answer.TeamConversationId));

    /// <summary>
    /// Lets the trailing delays of the card updates pass until none is left (every change schedules the team card's and
    /// the agenda's; a change that came while one waited asks for one more): returns once the updater is idle.
    /// </summary>
    private static async Task SettleAsync(PlanningRig rig)
    {
        var updater = rig.Services.GetRequiredService<Features.Common.SharedCardUpdater>();
        for (var round = 0; round < 4; round++)
        {
            var idle = updater.WhenIdleAsync();
            var due = rig.Timers.WhenTimerDueWithinAsync(SharedDemoTeamFeedbackUpdater.Delay);
            if (await Task.WhenAny(idle, due).WithinDeadline("a card update is due or all ran") == idle)
            {
                return;
            }

            rig.Clock.Advance(SharedDemoTeamFeedbackUpdater.Delay);
        }

        await updater.WhenIdleAsync().WithinDeadline("the card updates run");
    }

    private static bool IsTeamCard(PlanningRig rig, RecordedRequest r) => rig.Rocket.IsMine(r) && r.AllText.Contains("Demo feedback for Rocket", StringComparison.Ordinal);

    [Fact]
    public async Task The_team_card_is_posted_once_then_updated_and_needs_work_becomes_an_improvement_item_and_a_feature_change_once()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        rig.Clock.SetUtcNow(InIteration3);
        var seeded = await SeedAsync(rig);

        // The first feedback: the card is posted in the team's channel, once even when changes come in a burst.
        Raise(rig, seeded, DemoChangeKind.Feedback);
        Raise(rig, seeded, DemoChangeKind.Feedback);
        await SettleAsync(rig);
        var posted = Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && IsTeamCard(rig, r));
        Assert.Contains("**Lynne Robbins** · Needs work: The error message on a declined card is unclear", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("**Sam Stakeholder** · Accepted", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Make improvement item", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Change the feature", posted.AllText, StringComparison.Ordinal);
        var answers = rig.Services.GetRequiredService<IPlanStore<DemoTeamAnswer>>();
        var stored = await answers.GetAsync(rig.Art.TenantId, rig.Art.Id, seeded.Answer.Id, default);
        Assert.StartsWith("recorded-", stored!.FeedbackActivityId, StringComparison.Ordinal);

        // A later change updates the same card in place; nothing new is posted.
        Raise(rig, seeded, DemoChangeKind.Feedback);
        await SettleAsync(rig);
        Assert.Contains(bot.Connector.Requests, r => r.Method == "PUT" && IsTeamCard(rig, r) && r.Path.EndsWith(stored.FeedbackActivityId!, StringComparison.Ordinal));
        Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && IsTeamCard(rig, r));

        // Someone outside the team's channel who is no RTE or PM is refused, kindly.
        var data = new JsonObject { ["feedbackId"] = seeded.NeedsWork.Id };
        var (_, refused) = await rig.Comet.InvokeAsync(DemoVerbs.Improve, data.DeepClone().AsObject(), "outsider-aad", "Olly Outsider");
        Assert.Equal("NotAllowed", VoteDriver.ErrorCode(refused));
        var (_, accepted) = await rig.Rocket.InvokeAsync(DemoVerbs.Improve, new JsonObject { ["feedbackId"] = seeded.Accepted.Id }, PlanningRig.MemberAad, "Megan Bowen");
        Assert.Equal("NotNeedsWork", VoteDriver.ErrorCode(accepted));

        // A team member makes the improvement item: once, whoever clicks again.
        var (status, made) = await rig.Rocket.InvokeAsync(DemoVerbs.Improve, data.DeepClone().AsObject(), PlanningRig.MemberAad, "Megan Bowen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Improvement item made: Checkout with saved cards", VoteDriver.CardText(made), StringComparison.Ordinal);
        var (_, again) = await rig.Home.InvokeAsync(DemoVerbs.Improve, data.DeepClone().AsObject(), PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("This feedback already has its improvement item.", VoteDriver.CardText(again), StringComparison.Ordinal);
        var scope = new ImprovementScope(rig.Art.TenantId, rig.Art.Id, rig.Rocket.ConversationId);
        var item = Assert.Single(await rig.Services.GetRequiredService<IImprovementStore>().ListAsync(scope, default));
        Assert.Equal("Checkout with saved cards", item.Title);
        Assert.Contains("The error message on a declined card is unclear", item.Problem, StringComparison.Ordinal);
        Assert.Equal(Pi, item.TargetPi);
        var feedbackStore = rig.Services.GetRequiredService<IPlanStore<DemoFeedback>>();
        Assert.Equal(item.Id, (await feedbackStore.GetAsync(rig.Art.TenantId, rig.Art.Id, seeded.NeedsWork.Id, default))!.ImprovementItemId);

        // An RTE, from the ART's channel, sends the feature back to in progress: once, noted in its history.
        var (_, changed) = await rig.Home.InvokeAsync(DemoVerbs.ChangeFeature, data.DeepClone().AsObject(), PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Checkout with saved cards is back in progress", VoteDriver.CardText(changed), StringComparison.Ordinal);
        var (_, twice) = await rig.Rocket.InvokeAsync(DemoVerbs.ChangeFeature, data.DeepClone().AsObject(), PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("This feedback already changed its feature.", VoteDriver.CardText(twice), StringComparison.Ordinal);
        var features = rig.Services.GetRequiredService<IPlanStore<Feature>>();
        Assert.Equal(FeatureState.InProgress, (await features.GetAsync(rig.Art.TenantId, rig.Art.Id, seeded.Feature.Id, default))!.State);
        var history = await features.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, seeded.Feature.Id, default);
        Assert.Single(history, h => h.Field == "state" && h.From == "Done" && h.To == "InProgress");
        Assert.Single(history, h => h.Field == DemoFollowUpActions.FeatureNoteField && h.To!.Contains("declined card", StringComparison.Ordinal));
        var feedbackHistory = await feedbackStore.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, seeded.NeedsWork.Id, default);
        Assert.Single(feedbackHistory, h => h.Field == DemoFollowUpActions.ImprovementField);
        Assert.Single(feedbackHistory, h => h.Field == DemoFollowUpActions.FeatureField);

        // The follow-ups show on the team's card.
        await SettleAsync(rig);
        var latest = bot.Connector.Requests.Last(r => r.Method == "PUT" && IsTeamCard(rig, r));
        Assert.Contains("Improvement item made · Feature set back to in progress", latest.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Make improvement item", latest.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integration_problems_get_a_repair_plan_are_listed_in_the_summary_and_offered_to_the_next_workshop_once()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        rig.Clock.SetUtcNow(InIteration3);
        var seeded = await SeedAsync(rig);
        var problem = await AddProblemAsync(rig, seeded, "timeout", "Payment service timed out under load");

        // The new problem shows on the team's card with its repair form.
        Raise(rig, seeded, DemoChangeKind.Problem);
        await SettleAsync(rig);
        var posted = Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && IsTeamCard(rig, r));
        Assert.Contains("Integration problem:** Payment service timed out under load", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("No repair plan yet", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Save repair plan", posted.AllText, StringComparison.Ordinal);
        var activityId = (await rig.Services.GetRequiredService<IPlanStore<DemoTeamAnswer>>().GetAsync(rig.Art.TenantId, rig.Art.Id, seeded.Answer.Id, default))!.FeedbackActivityId;

        // Another team's member may not plan it; a team member plans it from the card: root cause, "me", iteration 4.
        var plan = new JsonObject
        {
            ["problemId"] = problem.Id,
            [RepairForm.InputId(DemoRepairData.RootCauseInput, problem.Id)] = "Connection pool sized for one team's load",
            [RepairForm.InputId(DemoRepairData.OwnerInput, problem.Id)] = "me",
            [RepairForm.InputId(DemoRepairData.DueInput, problem.Id)] = "4",
        };
        var (_, refused) = await rig.Comet.InvokeAsync(DemoVerbs.Repair, plan.DeepClone().AsObject(), "outsider-aad", "Olly Outsider");
        Assert.Equal("NotAllowed", VoteDriver.ErrorCode(refused));
        var (_, bad) = await rig.Rocket.InvokeAsync(DemoVerbs.Repair, new JsonObject { ["problemId"] = problem.Id, [RepairForm.InputId(DemoRepairData.DueInput, problem.Id)] = "9" }, PlanningRig.MemberAad, "Megan Bowen");
        Assert.Equal("InvalidIteration", VoteDriver.ErrorCode(bad));
        var (status, saved) = await rig.Rocket.InvokeAsync(DemoVerbs.Repair, plan.DeepClone().AsObject(), PlanningRig.MemberAad, "Megan Bowen",
            customize: a => a["replyToId"] = activityId);
        Assert.Equal(HttpStatusCode.OK, status);
        var savedText = VoteDriver.CardText(saved);
        Assert.Contains("Demo feedback for Rocket", savedText, StringComparison.Ordinal);
        Assert.Contains("Repair plan saved.", savedText, StringComparison.Ordinal);
        Assert.Contains("Repair by Megan Bowen, due in iteration 4", savedText, StringComparison.Ordinal);
        var problems = rig.Services.GetRequiredService<IPlanStore<IntegrationProblem>>();
        var planned = (await problems.GetAsync(rig.Art.TenantId, rig.Art.Id, problem.Id, default))!;
        Assert.True(planned.HasRepairPlan);
        Assert.Equal((PlanningRig.MemberAad, 4, Pi), (planned.RepairOwner!.Id, planned.RepairDueIteration!.Value, planned.RepairPi!));
        var history = await problems.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, problem.Id, default);
        Assert.Equal([PlanChange.CreatedField, DemoFollowUpActions.RootCauseField, DemoFollowUpActions.OwnerField, DemoFollowUpActions.DueField], history.Select(h => h.Field));

        // The same plan sent again changes nothing.
        await rig.Rocket.InvokeAsync(DemoVerbs.Repair, plan.DeepClone().AsObject(), PlanningRig.MemberAad, "Megan Bowen");
        Assert.Equal(4, (await problems.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, problem.Id, default)).Count);

        // `integration problems`: the ART's channel lists every team's open ones, another team's channel none of Rocket's.
        var second = await AddProblemAsync(rig, seeded, "search", "Search index not rebuilt after the release");
        var list = await rig.Home.CommandAsync("integration problems", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Open integration problems of " + rig.Art.Name, list.AllText, StringComparison.Ordinal);
        Assert.Contains("2 open, 1 without a repair plan", list.AllText, StringComparison.Ordinal);
        Assert.Contains("Repair by Megan Bowen, due in iteration 4", list.AllText, StringComparison.Ordinal);
        Assert.Contains("Search index not rebuilt after the release", list.AllText, StringComparison.Ordinal);
        var comet = await rig.Comet.CommandAsync("integration problems", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("No open integration problems.", comet.AllText, StringComparison.Ordinal);
        var usage = await rig.Home.CommandAsync("integration frobnicate", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("integration problems", usage.AllText, StringComparison.Ordinal);

        // The sync summary lists the open ones with their plan state.
        var publisher = rig.Services.GetRequiredService<SummaryPublisher>();
        var occurrence = Domain.Sync.SyncCalendar.On(rig.Art, new DateOnly(2027, 2, 17))!;
        var summary = Cards.DemoFollowUpCardTests.Text(await publisher.BuildAsync(rig.Art, occurrence, default));
        Assert.Contains("Integration problems open: 2", summary, StringComparison.Ordinal);
        Assert.Contains("**Rocket** · Payment service timed out under load · Megan Bowen, due iteration 4", summary, StringComparison.Ordinal);
        Assert.Contains("**Rocket** · Search index not rebuilt after the release · no repair plan yet", summary, StringComparison.Ordinal);

        // Repaired: it leaves the open lists; a second "Repaired" changes nothing.
        var repaired = new JsonObject { ["problemId"] = problem.Id, ["repaired"] = true };
        var (_, done) = await rig.Home.InvokeAsync(DemoVerbs.Repair, repaired.DeepClone().AsObject(), PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Marked as repaired.", VoteDriver.CardText(done), StringComparison.Ordinal);
        await rig.Home.InvokeAsync(DemoVerbs.Repair, repaired.DeepClone().AsObject(), PlanningRig.RteAad, "Riley RTE");
        Assert.Single(await problems.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, problem.Id, default), h => h.Field == DemoFollowUpActions.RepairedField);

        // inspect start: the open one not yet offered joins the workshop's problems, once.
        var started = await rig.Home.CommandAsync("inspect start", PlanningRig.RteAad, "Riley RTE");
        var workshopCard = bot.Connector.Requests.Last(r => rig.Home.IsMine(r) && r.AllText.Contains(@"Integration problem \(PI 2027.1, iteration 3, Rocket\)", StringComparison.Ordinal));
        Assert.Contains(@"Integration problem \(PI 2027.1, iteration 3, Rocket\): Search index not rebuilt after the release", workshopCard.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Payment service timed out", workshopCard.AllText, StringComparison.Ordinal);
        var offered = (await problems.GetAsync(rig.Art.TenantId, rig.Art.Id, second.Id, default))!;
        Assert.NotNull(offered.OfferedToWorkshopId);
        Assert.Single(await problems.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, second.Id, default), h => h.Field == IntegrationProblemOffer.OfferedField);
        var workshops = rig.Services.GetRequiredService<IWorkshopStore>();
        var workshop = (await workshops.GetAsync(offered.OfferedToWorkshopId!, default))!;
        var again = await rig.Services.GetRequiredService<IntegrationProblemOffer>().OfferAsync(workshop, rig.Art, new Person(PlanningRig.RteAad, "Riley RTE"), default);
        Assert.Empty(again);
        Assert.Single((await workshops.GetStateAsync(workshop.Id, default))!.Problems);
        Assert.NotNull(started);
    }
}
