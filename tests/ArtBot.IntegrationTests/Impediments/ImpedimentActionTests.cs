using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.IntegrationTests.Infrastructure;

namespace ArtBot.IntegrationTests.Impediments;

/// <summary>Every impediment card action (Action.Execute invokes) through /api/messages, on Azurite.</summary>
[Collection(BotTests.Name)]
public sealed class ImpedimentActionTests(BotHost bot)
{
    private readonly ImpedimentDriver _team = new(bot);

    [Fact]
    public async Task Take_ownership_answers_with_the_refreshed_card_and_updates_the_shared_card()
    {
        var (id, _) = await _team.RaiseAsync("Take me");
        var activityId = (await _team.GetAsync(id))!.ActivityId!;

        var (status, body) = await _team.ActAsync("impediment.take", id, "megan-aad", "Megan Bowen");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = ImpedimentDriver.CardText(body);
        Assert.Contains("You own this now.", text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen took ownership", text, StringComparison.Ordinal);
        var stored = (await _team.GetAsync(id))!;
        Assert.Equal("megan-aad", stored.Owner!.Id);
        Assert.Equal(RoamStatus.Owned, stored.Roam);
        var update = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _team.IsMine(r) && r.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal)
            && r.AllText.Contains("Megan Bowen took ownership", StringComparison.Ordinal));
        Assert.NotEmpty(update);
    }

    [Fact]
    public async Task Set_owner_offers_people_and_assigns_the_chosen_one()
    {
        var (id, _) = await _team.RaiseAsync("Who owns this?", "lee-aad", "Lee Gu");

        var (_, picker) = await _team.ActAsync("impediment.chooseOwner", id, "alex-aad", "Alex Wilber");
        var pickerText = ImpedimentDriver.CardText(picker);
        Assert.Contains("New owner", pickerText, StringComparison.Ordinal);
        Assert.Contains("Lee Gu", pickerText, StringComparison.Ordinal); // the raiser is always offered

        var data = new JsonObject { ["impedimentId"] = id, ["ownerId"] = "lee-aad", ["people"] = new JsonObject { ["lee-aad"] = "Lee Gu", ["alex-aad"] = "Alex Wilber" } };
        var (_, assigned) = await _team.ActAsync("impediment.setOwner", data);

        Assert.Contains("Lee Gu owns this now.", ImpedimentDriver.CardText(assigned), StringComparison.Ordinal);
        Assert.Equal("lee-aad", (await _team.GetAsync(id))!.Owner!.Id);
    }

    [Fact]
    public async Task Set_owner_to_someone_not_offered_is_refused_and_changes_nothing()
    {
        var (id, _) = await _team.RaiseAsync("Forged owner");

        var data = new JsonObject { ["impedimentId"] = id, ["ownerId"] = "mallory", ["people"] = new JsonObject { ["lee-aad"] = "Lee Gu" } };
        var (status, body) = await _team.ActAsync("impediment.setOwner", data);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("InvalidOwner", ImpedimentDriver.ErrorCode(body));
        Assert.Null((await _team.GetAsync(id))!.Owner);
    }

    [Theory]
    [InlineData("accepted", RoamStatus.Accepted)]
    [InlineData("mitigated", RoamStatus.Mitigated)]
    [InlineData("owned", RoamStatus.Owned)]
    public async Task Roam_status_is_set_from_the_card(string value, RoamStatus expected)
    {
        var (id, _) = await _team.RaiseAsync("ROAM me");

        var (_, body) = await _team.ActAsync("impediment.roam", new JsonObject { ["impedimentId"] = id, ["roam"] = value });

        Assert.Contains($"ROAM status set to {expected}.", ImpedimentDriver.CardText(body), StringComparison.Ordinal);
        Assert.Equal(expected, (await _team.GetAsync(id))!.Roam);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task An_unknown_roam_value_is_refused_and_changes_nothing(string value)
    {
        var (id, _) = await _team.RaiseAsync("Bad ROAM");

        var (status, body) = await _team.ActAsync("impediment.roam", new JsonObject { ["impedimentId"] = id, ["roam"] = value });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("InvalidRoam", ImpedimentDriver.ErrorCode(body));
        var stored = (await _team.GetAsync(id))!;
        Assert.Null(stored.Roam);
        Assert.Single(stored.History);
    }

    [Fact]
    public async Task Escalate_records_it_and_posts_an_escalation_card_in_the_conversation_once()
    {
        var (id, _) = await _team.RaiseAsync("Escalate me");

        var (_, body) = await _team.ActAsync("impediment.escalate", id, "megan-aad", "Megan Bowen");

        Assert.Contains("Escalated to the RTE", ImpedimentDriver.CardText(body), StringComparison.Ordinal);
        var escalation = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && _team.IsMine(r) && r.AllText.Contains("needs the RTE", StringComparison.Ordinal)))[0];
        Assert.Contains("Escalate me", escalation.AllText, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", escalation.AllText, StringComparison.Ordinal);
        var stored = (await _team.GetAsync(id))!;
        Assert.Equal("megan-aad", stored.EscalatedBy!.Id);
        Assert.StartsWith("escalated it to the RTE", stored.History[^1].What, StringComparison.Ordinal);

        var (_, again) = await _team.ActAsync("impediment.escalate", id);
        Assert.Contains("already escalated by Megan Bowen", ImpedimentDriver.CardText(again), StringComparison.Ordinal);
        Assert.Equal(2, (await _team.GetAsync(id))!.History.Count);
    }

    [Fact]
    public async Task Resolve_needs_a_note_then_reopen_brings_it_back()
    {
        var (id, _) = await _team.RaiseAsync("Resolve me");

        var (_, noNote) = await _team.ActAsync("impediment.resolve", new JsonObject { ["impedimentId"] = id, ["note"] = "  " });
        Assert.Equal("InvalidNote", ImpedimentDriver.ErrorCode(noNote));
        Assert.True((await _team.GetAsync(id))!.IsOpen);

        var (_, resolved) = await _team.ActAsync("impediment.resolve", new JsonObject { ["impedimentId"] = id, ["note"] = "Ops restarted the cluster" });
        var text = ImpedimentDriver.CardText(resolved);
        Assert.Contains("Resolution: Ops restarted the cluster", text, StringComparison.Ordinal);
        Assert.Contains("Reopen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Take ownership", text, StringComparison.Ordinal);
        var stored = (await _team.GetAsync(id))!;
        Assert.False(stored.IsOpen);
        Assert.Equal(RoamStatus.Resolved, stored.Roam);

        var (_, refused) = await _team.ActAsync("impediment.take", id);
        Assert.Contains("reopen it before taking ownership", ImpedimentDriver.CardText(refused), StringComparison.Ordinal);

        var (_, reopened) = await _team.ActAsync("impediment.reopen", id, "megan-aad", "Megan Bowen");
        Assert.Contains("Megan Bowen reopened it", ImpedimentDriver.CardText(reopened), StringComparison.Ordinal);
        var after = (await _team.GetAsync(id))!;
        Assert.True(after.IsOpen);
        Assert.Equal(["raised it", "resolved it: Ops restarted the cluster", "reopened it"], after.History.Select(h => h.What));
    }

    [Fact]
    public async Task An_id_of_another_tenant_or_team_or_a_malformed_id_is_not_found_and_changes_nothing()
    {
        var (id, _) = await _team.RaiseAsync("Not yours");

        var (_, otherTenant) = await _team.ActAsync("impediment.take", new JsonObject { ["impedimentId"] = id }, tenantId: "00000000-0000-0000-0000-000000000001");
        var (_, otherTeam) = await _team.ActAsync("impediment.take", new JsonObject { ["impedimentId"] = id }, teamId: "19:other@thread.tacv2");
        var (_, malformed) = await _team.ActAsync("impediment.take", new JsonObject { ["impedimentId"] = "../../x" });
        var (_, missing) = await _team.ActAsync("impediment.take", new JsonObject());

        Assert.Equal("ImpedimentNotFound", ImpedimentDriver.ErrorCode(otherTenant));
        Assert.Equal("ImpedimentNotFound", ImpedimentDriver.ErrorCode(otherTeam));
        Assert.Equal("ImpedimentNotFound", ImpedimentDriver.ErrorCode(malformed));
        Assert.Equal("ImpedimentNotFound", ImpedimentDriver.ErrorCode(missing));
        Assert.Null((await _team.GetAsync(id))!.Owner);
    }

    [Fact]
    public async Task Concurrent_edits_of_one_impediment_are_all_kept()
    {
        var (id, _) = await _team.RaiseAsync("Busy impediment");

        var results = await Task.WhenAll(
            _team.ActAsync("impediment.take", id, "megan-aad", "Megan Bowen"),
            _team.ActAsync("impediment.roam", new JsonObject { ["impedimentId"] = id, ["roam"] = "mitigated" }),
            _team.ActAsync("impediment.escalate", id, "lee-aad", "Lee Gu"),
            _team.ActAsync("impediment.roam", new JsonObject { ["impedimentId"] = id, ["roam"] = "accepted" }, "joni-aad", "Joni Sherman"));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var stored = (await _team.GetAsync(id))!;
        Assert.Equal(5, stored.History.Count); // raised + four changes, none lost
        Assert.Equal(stored.HistoryCount, stored.History.Count);
        Assert.Equal("megan-aad", stored.Owner!.Id);
        Assert.Equal("lee-aad", stored.EscalatedBy!.Id);
        Assert.Contains(stored.Roam, new RoamStatus?[] { RoamStatus.Mitigated, RoamStatus.Accepted });
    }
}
