using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Features.Board;
using ArtBot.Features.Dependencies;
using ArtBot.IntegrationTests.Board;
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

    [Fact]
    public async Task A_request_can_be_for_one_of_the_teams_features_and_another_teams_or_another_pis_is_refused_with_words()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var checkout = await AddFeatureAsync(rig, "Checkout", rig.Rocket);
        var sso = await AddFeatureAsync(rig, "Single sign-on", rig.Comet);
        var features = rig.Services.GetRequiredService<IPlanStore<Feature>>();
        var old = (await features.GetAsync(rig.Art.TenantId, rig.Art.Id, checkout, default))! with { Id = PlanIds.Feature(rig.Art.TenantId, rig.Art.Id, "old"), Pi = "PI 2026.4", Title = "Old checkout" };
        Assert.True(await features.CreateAsync(old with { Version = null }, new PlanChange(PlanningRig.BeforePi, new Person("pm", "Pat PM"), PlanChange.CreatedField, null, old.Title), default));

        // The form offers Rocket's own features of the PI, none chosen; not Comet's, not last PI's.
        var form = await rig.Rocket.CommandAsync("dependency Fraud scoring endpoint", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("For our feature (optional)", form.AllText, StringComparison.Ordinal);
        Assert.Contains(checkout, form.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(sso, form.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(old.Id, form.AllText, StringComparison.Ordinal);

        JsonObject Request(string feature) => new()
        {
            ["team"] = rig.Rocket.ConversationId,
            [DependencyCreateData.TextInput] = "Fraud scoring endpoint",
            [DependencyCreateData.ProviderInput] = rig.Comet.ConversationId,
            [DependencyCreateData.NeededByInput] = "3",
            [DependencyCreateData.FeatureInput] = feature,
        };
        foreach (var wrong in new[] { sso, old.Id, "not an id", "0123456789abcdef" })
        {
            var (status, refused) = await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request(wrong), PlanningRig.MemberAad, "Megan Bowen");
            Assert.Equal((HttpStatusCode.OK, "UnknownFeature"), (status, VoteDriver.ErrorCode(refused)));
        }

        Assert.Empty(await rig.Dependencies.ListAsync(rig.Art.TenantId, rig.Art.Id, default));

        var (_, created) = await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request(checkout), PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Checkout (Rocket)", VoteDriver.CardText(created), StringComparison.Ordinal);
        var stored = Assert.Single(await rig.Dependencies.ListAsync(rig.Art.TenantId, rig.Art.Id, default));
        Assert.Equal((checkout, (string?)null), (stored.RequesterFeatureId, stored.ProviderFeatureId));
        var (_, untied) = await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, Request(DependencyFeatures.None), PlanningRig.MemberAad, "Megan Bowen");
        Assert.DoesNotContain("(Rocket)", VoteDriver.CardText(untied), StringComparison.Ordinal);
        Assert.Single(await rig.Dependencies.ListAsync(rig.Art.TenantId, rig.Art.Id, default), d => d.RequesterFeatureId is null);
    }

    [Fact]
    public async Task The_providing_team_ties_its_feature_when_committing_and_the_board_judges_the_string_from_the_features_parts()
    {
        await using var board = await BoardRig.StartAsync(bot);
        var rig = board.Rig;
        var checkout = await AddFeatureAsync(rig, "Checkout", rig.Rocket, iteration: 2);
        var sso = await AddFeatureAsync(rig, "Single sign-on", rig.Comet, iteration: 4);
        var (_, created) = await rig.Rocket.InvokeAsync(DependencyCard.CreateVerb, new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId,
            [DependencyCreateData.TextInput] = "Shared login component",
            [DependencyCreateData.ProviderInput] = rig.Comet.ConversationId,
            [DependencyCreateData.NeededByInput] = "5",
            [DependencyCreateData.FeatureInput] = checkout,
        }, PlanningRig.MemberAad, "Megan Bowen");
        VoteDriver.CardText(created);
        var id = Assert.Single(await rig.Dependencies.ListAsync(rig.Art.TenantId, rig.Art.Id, default)).Id;

        // Comet's card offers Comet's features to tie when committing; Rocket's is refused on the card, and nothing changes.
        var posted = await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Comet.IsMine(r) && r.AllText.Contains("Shared login component", StringComparison.Ordinal));
        Assert.Contains("Delivered by our feature (optional)", posted[0].AllText, StringComparison.Ordinal);
        Assert.Contains(sso, posted[0].AllText, StringComparison.Ordinal);
        JsonObject Commit(string iteration, string feature) => new() { ["id"] = id, [DependencyCommitData.IterationInput] = iteration, [DependencyCommitData.FeatureInput] = feature };
        var (_, wrong) = await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, Commit("3", checkout), "comet-aad", "Isaiah Langer");
        Assert.Contains("Choose one of Comet's features of this PI, or none.", VoteDriver.CardText(wrong), StringComparison.Ordinal);
        Assert.Equal(DependencyStatus.Requested, (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.Status);

        var (_, committed) = await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, Commit("3", sso), "comet-aad", "Isaiah Langer");
        var card = VoteDriver.CardText(committed);
        Assert.Contains("Checkout (Rocket)", card, StringComparison.Ordinal);
        Assert.Contains("Single sign-on (Comet)", card, StringComparison.Ordinal);
        Assert.Contains("delivered by feature: none → Single sign-on", card, StringComparison.Ordinal);
        var stored = (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!;
        Assert.Equal((3, sso, DependencyStatus.Committed), (stored.CommittedIteration, stored.ProviderFeatureId, stored.Status));
        var history = await rig.Dependencies.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default);
        Assert.Equal((DependencyField.ProviderFeature, null, "Single sign-on", "Isaiah Langer"), (history[^1].Field, history[^1].From, history[^1].To, history[^1].By.DisplayName));

        // Committed for 3 and needed by 5 on the card, but the features' parts say 4 and 2: the board draws a conflict.
        var (view, _) = await board.ViewAsync(rig.Home, board.Token(PlanningRig.RteAad, "Riley RTE"));
        var line = view["strings"]!.AsArray().Single(s => s!["dependencyId"]!.GetValue<string>() == id)!;
        Assert.Equal(("conflict", 2, sso, checkout), (line["state"]!.GetValue<string>(), line["iterationsLate"]!.GetValue<int>(),
            line["fromFeature"]!.GetValue<string>(), line["toFeature"]!.GetValue<string>()));

        // Untying keeps the commitment and says so in the history.
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, Commit("3", DependencyFeatures.None), "comet-aad", "Isaiah Langer");
        Assert.Null((await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.ProviderFeatureId);
        var last = (await rig.Dependencies.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default))[^1];
        Assert.Equal((DependencyField.ProviderFeature, "Single sign-on", null), (last.Field, last.From, last.To));
    }

    /// <summary>Adds a feature of the current PI with a part of <paramref name="team"/> (planned in <paramref name="iteration"/>, if given); returns its id.</summary>
    private static async Task<string> AddFeatureAsync(PlanningRig rig, string title, VoteDriver team, int? iteration = null)
    {
        var teams = await rig.Services.GetRequiredService<IArtStore>().GetTeamsAsync(rig.Art.TenantId, rig.Art.Id, default);
        var planning = rig.Services.GetRequiredService<FeaturePlanning>();
        var added = await planning.AddFeatureAsync(rig.Art, "test:" + title, title, null, 5, [.. teams.Where(t => t.ConversationId == team.ConversationId)], new Person("pm", "Pat PM"), default);
        var feature = added.Feature!;
        if (iteration is not null)
        {
            Assert.NotNull(await planning.Features.UpdateAsync(feature with { Parts = [feature.Parts[0] with { Iteration = iteration }] }, [], default));
        }

        return feature.Id;
    }
}
