using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Planning;
using ArtBot.Features.Dependencies;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Planning;

/// <summary>Dependencies between teams through POST /api/messages, on a clock the test controls.</summary>
[Collection(BotTests.Name)]
public sealed class DependencyTests(BotHost bot)
{
    [Fact]
    public async Task A_dependency_requested_by_one_team_reaches_the_other_which_commits_and_the_requester_hears_of_it()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (objective, _) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API");

        var (id, card) = await rig.RequestDependencyAsync("Fraud scoring endpoint for payments", neededBy: 3, objective);

        Assert.Contains("Requested: Comet sees it in its channel", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark delivered", card, StringComparison.Ordinal); // the requesting team does not answer it
        var posted = await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Comet.IsMine(r) && r.AllText.Contains("Fraud scoring endpoint", StringComparison.Ordinal));
        Assert.Contains("Rocket needs this from your team by iteration 3", posted[0].AllText, StringComparison.Ordinal);
        Assert.Contains("Mark delivered", posted[0].AllText, StringComparison.Ordinal);
        var stored = (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!;
        Assert.Equal((rig.Rocket.ConversationId, rig.Comet.ConversationId, 3, objective, DependencyStatus.Requested),
            (stored.RequesterConversationId, stored.ProviderConversationId, stored.NeededBy, stored.ObjectiveId, stored.Status));

        var commit = new JsonObject { ["id"] = id, [DependencyCommitData.IterationInput] = "2" };
        var (_, notProvider) = await rig.Rocket.InvokeAsync(DependencyCard.CommitVerb, commit.DeepClone().AsObject(), PlanningRig.MemberAad);
        Assert.Equal("NotTheProvider", VoteDriver.ErrorCode(notProvider));
        var (status, committed) = await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, commit.DeepClone().AsObject(), "comet-aad", "Isaiah Langer");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Dependency \u00b7 committed", VoteDriver.CardText(committed), StringComparison.Ordinal);
        var told = await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Rocket.IsMine(r) && r.AllText.Contains("Comet answered your dependency", StringComparison.Ordinal));
        Assert.Contains("committed for iteration 2", told[0].AllText, StringComparison.Ordinal);

        // A second click (or a redelivery) changes nothing and adds no history.
        await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, commit.DeepClone().AsObject(), "comet-aad", "Isaiah Langer");
        var history = await rig.Dependencies.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default);
        Assert.Equal([DependencyField.Created, DependencyField.Status, DependencyField.Iteration], history.Select(h => h.Field));
        Assert.Equal("comet-aad", history[1].By.Id);

        var (_, delivered) = await rig.Comet.InvokeAsync(DependencyCard.DeliverVerb, new JsonObject { ["id"] = id }, "comet-aad", "Isaiah Langer");
        Assert.Contains("Dependency \u00b7 delivered", VoteDriver.CardText(delivered), StringComparison.Ordinal);
        var (_, declineDelivered) = await rig.Comet.InvokeAsync(DependencyCard.DeclineVerb, new JsonObject { ["id"] = id, [DependencyDeclineData.ReasonInput] = "No" }, "comet-aad");
        Assert.Contains("delivered already", VoteDriver.CardText(declineDelivered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committed_later_than_needed_is_at_risk_and_becomes_a_risk_to_roam_once_and_the_lists_show_it()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (id, _) = await rig.RequestDependencyAsync("Shared login component", neededBy: 2);
        var (_, declineEmpty) = await rig.Comet.InvokeAsync(DependencyCard.DeclineVerb, new JsonObject { ["id"] = id, [DependencyDeclineData.ReasonInput] = "  " }, "comet-aad");
        Assert.Contains("Say why your team cannot provide it", VoteDriver.CardText(declineEmpty), StringComparison.Ordinal);

        var (_, late) = await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, new JsonObject { ["id"] = id, [DependencyCommitData.IterationInput] = "4" }, "comet-aad", "Isaiah Langer");
        var lateText = VoteDriver.CardText(late);
        Assert.Contains("at risk: committed for iteration 4, needed by iteration 2", lateText, StringComparison.Ordinal);
        Assert.Contains("Raise as risk", lateText, StringComparison.Ordinal);

        var (_, raised) = await rig.Rocket.InvokeAsync(DependencyCard.RiskVerb, new JsonObject { ["id"] = id }, PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Raised as a risk of Rocket", VoteDriver.CardText(raised), StringComparison.Ordinal);
        var (_, twice) = await rig.Comet.InvokeAsync(DependencyCard.RiskVerb, new JsonObject { ["id"] = id }, "comet-aad");
        Assert.Contains("Already raised as a risk.", VoteDriver.CardText(twice), StringComparison.Ordinal);

        var riskId = (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.RiskId!;
        var risks = await bot.Services.GetRequiredService<IImpedimentStore>().ListForArtAsync(rig.Art.TenantId, rig.Art.Id, new ImpedimentQuery(ImpedimentKind.Risk), 10, default);
        var risk = Assert.Single(risks.Items);
        Assert.Equal((riskId, ImpedimentSourceKind.Dependency, "Rocket"), (risk.Id, risk.Source.Kind, risk.TeamName));
        await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Rocket.IsMine(r) && r.AllText.Contains("Dependency at risk: Shared login component", StringComparison.Ordinal));

        var rocket = await rig.Rocket.CommandAsync("dependencies", PlanningRig.MemberAad);
        Assert.Contains("Outgoing: we need (1)", rocket.AllText, StringComparison.Ordinal);
        Assert.Contains("Incoming: we provide (0)", rocket.AllText, StringComparison.Ordinal);
        var comet = await rig.Comet.CommandAsync("dependencies", "comet-aad");
        Assert.Contains("Incoming: we provide (1)", comet.AllText, StringComparison.Ordinal);
        Assert.Contains("for Rocket", comet.AllText, StringComparison.Ordinal);
        var all = await rig.Home.CommandAsync("dependencies", PlanningRig.RteAad);
        Assert.Contains("Iteration 4 (15 Feb - 28 Feb)", all.AllText, StringComparison.Ordinal);
        Assert.Contains("Rocket needs from Comet", all.AllText, StringComparison.Ordinal);
        Assert.Contains("1 open, 1 at risk", all.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dependency_not_delivered_when_its_iteration_ends_is_at_risk_and_the_sync_summary_lists_it()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (id, _) = await rig.RequestDependencyAsync("Test data for the payments API", neededBy: 1);
        await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, new JsonObject { ["id"] = id, [DependencyCommitData.IterationInput] = "1" }, "comet-aad");

        rig.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 17, 12, 0, 0, TimeSpan.Zero)); // the last day of iteration 1
        var (_, onTime) = await rig.Rocket.InvokeAsync(DependencyCard.ShowVerb, new JsonObject { ["id"] = id }, PlanningRig.MemberAad);
        Assert.Contains("Dependency \u00b7 committed", VoteDriver.CardText(onTime), StringComparison.Ordinal);

        rig.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 18, 12, 0, 0, TimeSpan.Zero));
        var (_, overdue) = await rig.Rocket.InvokeAsync(DependencyCard.ShowVerb, new JsonObject { ["id"] = id }, PlanningRig.MemberAad);
        Assert.Contains("not delivered by the end of iteration 1 (17 Jan)", VoteDriver.CardText(overdue), StringComparison.Ordinal);
        var marked = (await rig.Dependencies.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default))[^1];
        Assert.Equal((DependencyField.Status, "committed", "at risk: not delivered by the end of iteration 1 (17 Jan)", "ArtBot", new DateTimeOffset(2027, 1, 18, 0, 0, 0, TimeSpan.Zero)),
            (marked.Field, marked.From, marked.To, marked.By.DisplayName, marked.At));
        await rig.Rocket.InvokeAsync(DependencyCard.ShowVerb, new JsonObject { ["id"] = id }, PlanningRig.MemberAad);
        Assert.Equal(4, (await rig.Dependencies.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default)).Count); // recorded once

        var summary = await rig.Home.CommandAsync("sync summary", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Dependencies at risk or overdue", summary.AllText, StringComparison.Ordinal);
        Assert.Contains("Test data for the payments API", summary.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_dependency_input_gets_a_clear_error_and_creates_nothing()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        JsonObject Request(string text, string provider, string neededBy) => new()
        {
            ["team"] = rig.Rocket.ConversationId,
            [DependencyCreateData.TextInput] = text,
            [DependencyCreateData.ProviderInput] = provider,
            [DependencyCreateData.NeededByInput] = neededBy,
        };

        var tooLong = await rig.Rocket.CommandAsync("dependency " + new string('x', 5_000), PlanningRig.MemberAad);
        Assert.Contains("at most 300 characters", tooLong.AllText, StringComparison.Ordinal);
        Assert.Equal("InvalidDependency", VoteDriver.ErrorCode((await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request(new string('x', 5_000), rig.Comet.ConversationId, "2"), PlanningRig.MemberAad)).Body));
        Assert.Equal("UnknownTeam", VoteDriver.ErrorCode((await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request("API", "19:nobody@thread.tacv2", "2"), PlanningRig.MemberAad)).Body));
        Assert.Equal("UnknownTeam", VoteDriver.ErrorCode((await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request("API", rig.Rocket.ConversationId, "2"), PlanningRig.MemberAad)).Body));
        Assert.Equal("InvalidIteration", VoteDriver.ErrorCode((await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request("API", rig.Comet.ConversationId, "7"), PlanningRig.MemberAad)).Body));
        Assert.Equal("InvalidIteration", VoteDriver.ErrorCode((await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request("API", rig.Comet.ConversationId, "0"), PlanningRig.MemberAad)).Body));
        Assert.Equal("NotATeam", VoteDriver.ErrorCode((await rig.Home.InvokeAsync(DependencyCard.CreateVerb, Request("API", rig.Comet.ConversationId, "2"), PlanningRig.RteAad)).Body));
        var (_, unknown) = await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, new JsonObject { ["id"] = "0123456789abcdef", [DependencyCommitData.IterationInput] = "2" }, "comet-aad");
        Assert.Equal("DependencyNotFound", VoteDriver.ErrorCode(unknown));

        Assert.Empty(await rig.Dependencies.ListAsync(rig.Art.TenantId, rig.Art.Id, default));

        var (id, _) = await rig.RequestDependencyAsync("Shared login component", neededBy: 2);
        var (_, outside) = await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, new JsonObject { ["id"] = id, [DependencyCommitData.IterationInput] = "9" }, "comet-aad");
        Assert.Contains("Choose an iteration of the PI: 1 to 6.", VoteDriver.CardText(outside), StringComparison.Ordinal);
        Assert.Equal(DependencyStatus.Requested, (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.Status);
    }

    [Fact]
    public async Task The_providing_team_declines_with_a_reason_the_requester_hears_why_and_a_redelivered_request_creates_nothing_twice()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var request = new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId,
            [DependencyCreateData.TextInput] = "A second data centre region",
            [DependencyCreateData.ProviderInput] = rig.Comet.ConversationId,
            [DependencyCreateData.NeededByInput] = "3",
        };
        await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, request.DeepClone().AsObject(), PlanningRig.MemberAad, customize: a => a["id"] = "request-once");
        await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, request.DeepClone().AsObject(), PlanningRig.MemberAad, customize: a => a["id"] = "request-once");
        var id = Assert.Single(await rig.Dependencies.ListAsync(rig.Art.TenantId, rig.Art.Id, default)).Id;
        await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Comet.IsMine(r) && r.AllText.Contains("A second data centre region", StringComparison.Ordinal));
        Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && rig.Comet.IsMine(r) && r.AllText.Contains("A second data centre region", StringComparison.Ordinal));

        var (_, declined) = await rig.Comet.InvokeAsync(DependencyCard.DeclineVerb, new JsonObject { ["id"] = id, [DependencyDeclineData.ReasonInput] = "No capacity until next PI" }, "comet-aad", "Isaiah Langer");

        var card = VoteDriver.CardText(declined);
        Assert.Contains("Dependency \u00b7 declined", card, StringComparison.Ordinal);
        Assert.Contains("No capacity until next PI", card, StringComparison.Ordinal);
        var told = await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Rocket.IsMine(r) && r.AllText.Contains("Comet answered your dependency", StringComparison.Ordinal));
        Assert.Contains("declined (No capacity until next PI)", told[0].AllText, StringComparison.Ordinal);
        var stored = (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!;
        Assert.Equal((DependencyStatus.Declined, "No capacity until next PI"), (stored.Status, stored.DeclineReason));
    }
}
