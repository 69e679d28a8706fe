using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Votes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Arts;

/// <summary>Confidence votes in an ART: team and ART votes of the PI, the RTE closing them, the roll-up, concerns to risks.</summary>
[Collection(BotTests.Name)]
public sealed class ArtVoteTests(BotHost bot)
{
    private const string Rte = "rte-vote-aad";

    /// <summary>An ART (PI 2027.1) homed in a fresh channel, with one team channel "Rocket" joined.</summary>
    private async Task<(VoteDriver Home, VoteDriver Team, Art Art)> ArtWithTeamAsync()
    {
        var home = new VoteDriver(bot);
        await home.CommandAsync("art setup", Rte, "Riley RTE");
        var name = "Vote ART " + Guid.NewGuid().ToString("N")[..6];
        var form = new JsonObject
        {
            ["artName"] = name, ["piName"] = "PI 2027.1", ["piStart"] = "2027-01-04", ["piEnd"] = "2027-03-12",
            ["syncDay"] = "Wednesday", ["syncTime"] = "10:00", ["timeZone"] = "Europe/Berlin", ["promptLead"] = "1440",
            ["reminderLead"] = "120", ["summaryChannel"] = home.ConversationId,
        };
        Assert.Contains("ART set up", VoteDriver.CardText((await home.InvokeAsync("art.save", form, Rte, "Riley RTE")).Body));
        var art = (await bot.Services.GetRequiredService<IArtStore>().FindByConversationAsync(VoteDriver.TenantId, home.ConversationId, default))!.Art;

        var team = new VoteDriver(bot);
        var joined = await team.CommandAsync("art join Rocket");
        if (joined.Cards.Any())
        {
            await team.InvokeAsync("art.join", new JsonObject { ["artId"] = art.Id, ["teamName"] = "Rocket" }, "sm-aad");
        }

        return (home, team, art);
    }

    [Fact]
    public async Task Votes_belong_to_the_art_and_pi_the_rte_closes_them_and_votes_rolls_up_team_and_art_votes()
    {
        var (home, team, art) = await ArtWithTeamAsync();
        var store = bot.Services.GetRequiredService<IVoteStore>();

        var (teamVoteId, teamCard) = await team.StartAsync("Can Rocket commit to its PI objectives?");
        Assert.Contains("team Rocket \u00b7 PI 2027.1", teamCard.AllText, StringComparison.Ordinal);
        var (artVoteId, _) = await home.StartAsync("Can the ART commit to the ART PI objectives?");
        var teamVote = (await store.GetAsync(teamVoteId, default))!;
        var artVote = (await store.GetAsync(artVoteId, default))!;
        Assert.Equal((art.Id, "PI 2027.1", VoteScope.Team, "Rocket"), (teamVote.ArtId, teamVote.PiName, teamVote.Scope, teamVote.TeamName));
        Assert.Equal((art.Id, "PI 2027.1", VoteScope.Art), (artVote.ArtId, artVote.PiName, artVote.Scope));

        await team.CastAsync(teamVoteId, 4, "dev-1");
        await team.CastAsync(teamVoteId, 2, "dev-2");
        await home.CastAsync(artVoteId, 5, "dev-1");

        Assert.Equal("NotCreator", VoteDriver.ErrorCode((await team.CloseAsync(teamVoteId, "dev-2")).Body));
        Assert.Contains("3.0", VoteDriver.CardText((await team.CloseAsync(teamVoteId, Rte, "Riley RTE")).Body), StringComparison.Ordinal);

        var rollUp = await home.CommandAsync("votes");
        Assert.Contains($"{art.Name}: confidence in PI 2027.1", rollUp.AllText, StringComparison.Ordinal);
        Assert.Contains("Rocket", rollUp.AllText, StringComparison.Ordinal);
        Assert.Contains("average 3.0 \u00b7 Commitment accepted", rollUp.AllText, StringComparison.Ordinal);
        Assert.Contains("average 5.0 so far", rollUp.AllText, StringComparison.Ordinal); // no verdict while open
    }

    [Fact]
    public async Task The_vote_form_offers_team_or_art_scope_in_an_art()
    {
        var (home, team, _) = await ArtWithTeamAsync();

        var form = await team.CommandAsync("vote");

        Assert.Contains("ART vote: the PI objectives of", form.AllText, StringComparison.Ordinal);
        var (_, started) = await home.InvokeAsync(
            "vote.start", new JsonObject { ["question"] = "Only our people in the ART channel?", ["mode"] = "named", ["results"] = "live", ["deadline"] = "none", ["scope"] = "team" },
            "creator-aad", "Ceri Creator", customize: a => a["replyToId"] = "form-" + Guid.NewGuid().ToString("N"));
        var (_, bad) = await home.InvokeAsync(
            "vote.start", new JsonObject { ["question"] = "Scope?", ["scope"] = "galaxy" }, "creator-aad", "Ceri Creator", customize: a => a["replyToId"] = "form-x");

        Assert.Contains("started", VoteDriver.CardText(started), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("InvalidOptions", VoteDriver.ErrorCode(bad));
        var listed = await bot.Services.GetRequiredService<IVoteStore>().ListAsync(VoteDriver.TenantId, home.ConversationId, 5, default);
        Assert.Equal(VoteScope.Team, Assert.Single(listed).Scope);
    }

    [Fact]
    public async Task A_concern_becomes_a_risk_of_the_team_linked_to_the_vote_once()
    {
        var (_, team, art) = await ArtWithTeamAsync();
        var (voteId, _) = await team.StartAsync("Confident in the payments objectives?");
        await team.CastAsync(voteId, 1, "worried-aad", "Worried Person");
        await team.InvokeAsync("vote.concern", new JsonObject { ["voteId"] = voteId, ["concern"] = "The *API* team is overloaded" }, "worried-aad", "Worried Person");
        var closed = VoteDriver.CardText((await team.CloseAsync(voteId, "creator-aad")).Body);
        Assert.Contains("Raise as risk", closed, StringComparison.Ordinal);
        var state = await bot.Services.GetRequiredService<IVoteStore>().ReadStateAsync(voteId, default);
        var concernId = Assert.Single(state!.Concerns).Id;

        var (_, first) = await team.InvokeAsync("vote.risk", new JsonObject { ["voteId"] = voteId, ["concernId"] = concernId }, Rte, "Riley RTE");
        var (_, again) = await team.InvokeAsync("vote.risk", new JsonObject { ["voteId"] = voteId, ["concernId"] = concernId }, Rte, "Riley RTE");
        var (_, unknown) = await team.InvokeAsync("vote.risk", new JsonObject { ["voteId"] = voteId, ["concernId"] = "nope" }, Rte, "Riley RTE");

        Assert.Contains("Raised as a risk", VoteDriver.CardText(first), StringComparison.Ordinal);
        Assert.Contains("raised as a risk", VoteDriver.CardText(again), StringComparison.Ordinal);
        Assert.Equal("ConcernNotFound", VoteDriver.ErrorCode(unknown));
        var risks = await bot.Services.GetRequiredService<IImpedimentStore>().ListForArtAsync(
            VoteDriver.TenantId, art.Id, new ImpedimentQuery(ImpedimentKind.Risk), 10, default);
        var risk = Assert.Single(risks.Items);
        Assert.Equal("The *API* team is overloaded", risk.Title);
        Assert.Equal(ImpedimentSourceKind.VoteConcern, risk.Source.Kind);
        Assert.Equal("Rocket", risk.TeamName);
    }
}
