using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Pulses;
using ArtBot.Features.Pulses;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Storage.Pulses;
using ArtBot.Tests.Shared;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Pulses;

/// <summary>The team satisfaction pulse through POST /api/messages, on a clock the test controls (PI 2027.1, iteration 2 from 18 Jan).</summary>
[Collection(BotTests.Name)]
public sealed class PulseTests(BotHost bot)
{
    private const string Pi = "PI 2027.1";
    private static readonly DateTimeOffset InIteration2 = new(2027, 1, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InIteration3 = new(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);

    private static Task<(HttpStatusCode Status, JsonElement Body)> AnswerAsync(VoteDriver team, int iteration, int score, string? word, string userAad) =>
        team.InvokeAsync(PulseCard.SendVerb, new JsonObject
        {
            ["pi"] = Pi,
            ["iteration"] = iteration,
            [PulseSendData.ScoreInput] = score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PulseSendData.WordInput] = word,
        }, userAad, "Person " + userAad);

    [Fact]
    public async Task A_teams_figure_shows_from_three_answers_a_changed_answer_replaces_rows_name_nobody_and_the_salt_goes_at_close()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        rig.Clock.SetUtcNow(InIteration2);

        var posted = await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("How satisfied are you with how the team worked this iteration?", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("PI 2027.1 · iteration 2", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Nobody has answered yet.", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Very satisfied", posted.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Inspect & Adapt", posted.AllText, StringComparison.Ordinal);

        var (_, first) = await AnswerAsync(rig.Rocket, 2, 5, "calm", "u1-aad");
        Assert.Contains("Your answer: 5 · Very satisfied · “calm”", VoteDriver.CardText(first), StringComparison.Ordinal);
        var (_, two) = await AnswerAsync(rig.Rocket, 2, 4, null, "u2-aad");
        Assert.Contains("2 answered.", VoteDriver.CardText(two), StringComparison.Ordinal);
        Assert.Contains("The figure shows once 3 people have answered.", VoteDriver.CardText(two), StringComparison.Ordinal);
        Assert.DoesNotContain("Team figure", VoteDriver.CardText(two), StringComparison.Ordinal);

        var (_, changed) = await AnswerAsync(rig.Rocket, 2, 4, "focused", "u1-aad");
        Assert.Contains("2 answered.", VoteDriver.CardText(changed), StringComparison.Ordinal);

        var (_, three) = await AnswerAsync(rig.Rocket, 2, 5, "tired", "u3-aad");
        var text = VoteDriver.CardText(three);
        Assert.Contains("3 answered.", text, StringComparison.Ordinal);
        Assert.Contains("Team figure: 4.3 of 5", text, StringComparison.Ordinal);
        Assert.Contains("Words: focused, tired", text, StringComparison.Ordinal);
        Assert.DoesNotContain("calm", text, StringComparison.Ordinal);

        // The shared card follows after its short delay, with the count and the figure, and no names.
        await rig.Timers.WhenTimersDueInAsync(SharedPulseCardUpdater.Delay).WithinDeadline("the shared card update waits for its delay");
        rig.Clock.Advance(SharedPulseCardUpdater.Delay);
        var shared = (await bot.Connector.WaitForAsync(r => r.Method == "PUT" && rig.Rocket.IsMine(r) && r.AllText.Contains("3 answered.", StringComparison.Ordinal)))[^1];
        Assert.Contains("Team figure: 4.3 of 5", shared.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Person", shared.AllText, StringComparison.Ordinal);

        // A second `pulse` shows the same pulse again.
        var again = await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("3 answered.", again.AllText, StringComparison.Ordinal);

        // Rows hold the score and the word only: no voter id, no name.
        var table = rig.Services.GetRequiredService<TableServiceClient>().GetTableClient(PulseStore.TableName);
        var partition = PulseStore.PartitionKey(rig.Art.TenantId, rig.Art.Id, Pi);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        var answers = rows.Where(r => r.RowKey.StartsWith(PulseStore.AnswerPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, answers.Count);
        foreach (var row in answers)
        {
            Assert.Subset(new HashSet<string>(["PartitionKey", "RowKey", "Score", "Timestamp", "Word", "odata.etag"], StringComparer.Ordinal), row.Keys.ToHashSet(StringComparer.Ordinal));
            Assert.Contains("Score", row.Keys);
        }

        var everything = string.Join("\n", rows.SelectMany(r => r.Select(p => $"{p.Key}={p.Value}")));
        foreach (var who in new[] { "u1-aad", "u2-aad", "u3-aad", "Person", PlanningRig.MemberAad, "Megan Bowen" })
        {
            Assert.DoesNotContain(who, everything, StringComparison.Ordinal);
        }

        // The next iteration: the old pulse closes when read, its salt is gone, and its card takes no more answers.
        rig.Clock.SetUtcNow(InIteration3);
        var next = await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("PI 2027.1 · iteration 3", next.AllText, StringComparison.Ordinal);
        var meta = (await table.GetEntityAsync<TableEntity>(partition, PulseStore.MetaPrefix + "02|" + rig.Rocket.ConversationId)).Value;
        Assert.Null(meta.GetString("Salt"));
        Assert.True(meta.GetBoolean("Closed"));
        var (_, late) = await AnswerAsync(rig.Rocket, 2, 1, null, "u4-aad");
        Assert.Equal("PulseClosed", VoteDriver.ErrorCode(late));
        var review = await rig.Services.GetRequiredService<IPulseStore>().GetReviewAsync(rig.Art.TenantId, rig.Art.Id, Pi, default);
        var figure = Assert.Single(review.Teams);
        Assert.Equal((2, rig.Rocket.ConversationId, 3), (figure.Iteration, figure.TeamConversationId, figure.Figure.Answered));
    }

    [Fact]
    public async Task The_art_channel_shows_the_spread_without_team_names()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        rig.Clock.SetUtcNow(InIteration2);
        await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        await rig.Comet.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        foreach (var (score, who) in new[] { (4, "r1"), (4, "r2"), (5, "r3") })
        {
            await AnswerAsync(rig.Rocket, 2, score, null, who);
        }

        foreach (var (score, who) in new[] { (1, "c1"), (2, "c2"), (3, "c3") })
        {
            await AnswerAsync(rig.Comet, 2, score, null, who);
        }

        var spread = await rig.Home.CommandAsync("pulse", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Iteration 2 (now)", spread.AllText, StringComparison.Ordinal);
        Assert.Contains("2 of 2 teams answered, 2 with a figure (3 answers or more).", spread.AllText, StringComparison.Ordinal);
        Assert.Contains("Team figures: lowest 2.0, median 3.2, highest 4.3", spread.AllText, StringComparison.Ordinal);
        Assert.Contains("ART average: 3.2 of 5 from 6 answers", spread.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Rocket", spread.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Comet", spread.AllText, StringComparison.Ordinal);

        // The IP iteration's pulse says it is the Inspect & Adapt one.
        rig.Clock.SetUtcNow(PlanningRig.InLastIteration);
        var inspect = await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Inspect & Adapt pulse", inspect.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedulers_pass_closes_a_pulse_nobody_read_after_its_iteration_ended()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        rig.Clock.SetUtcNow(InIteration2);
        await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        await AnswerAsync(rig.Rocket, 2, 4, null, "u1-aad");
        var store = rig.Services.GetRequiredService<IPulseStore>();
        var key = new PulseKey(rig.Art.TenantId, rig.Art.Id, Pi, 2, rig.Rocket.ConversationId);
        var scheduler = rig.Services.GetRequiredService<Features.Demos.DemoScheduler>();

        // While iteration 2 runs, a pass leaves it open; once it is over, a pass closes it though nobody reads it.
        await scheduler.TickArtAsync(rig.Art, default);
        Assert.False((await store.GetAsync(key, default))!.IsClosed);
        rig.Clock.SetUtcNow(InIteration3);
        await scheduler.TickArtAsync(rig.Art, default);
        Assert.True((await store.GetAsync(key, default))!.IsClosed);
    }

    [Fact]
    public async Task A_new_pi_closes_the_last_pis_pulses()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        rig.Clock.SetUtcNow(InIteration2);
        await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        await AnswerAsync(rig.Rocket, 2, 3, null, "u1-aad");

        var started = await rig.Home.CommandAsync("pi start PI 2027.2", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("PI 2027.2", started.AllText, StringComparison.Ordinal);

        var pulse = await rig.Services.GetRequiredService<IPulseStore>().GetAsync(new PulseKey(rig.Art.TenantId, rig.Art.Id, Pi, 2, rig.Rocket.ConversationId), default);
        Assert.True(pulse!.IsClosed);
        var table = rig.Services.GetRequiredService<TableServiceClient>().GetTableClient(PulseStore.TableName);
        var meta = (await table.GetEntityAsync<TableEntity>(PulseStore.PartitionKey(rig.Art.TenantId, rig.Art.Id, Pi), PulseStore.MetaPrefix + "02|" + rig.Rocket.ConversationId)).Value;
        Assert.Null(meta.GetString("Salt"));
    }

    [Fact]
    public async Task Outside_an_art_or_outside_the_pi_the_pulse_answers_kindly()
    {
        var lone = new VoteDriver(bot);
        var outside = await lone.CommandAsync("pulse");
        Assert.Contains("The pulse works in the channels of an ART", outside.AllText, StringComparison.Ordinal);

        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        var early = await rig.Rocket.CommandAsync("pulse", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("No iteration of PI 2027.1 runs today", early.AllText, StringComparison.Ordinal);

        var (_, notTeam) = await AnswerAsync(rig.Home, 1, 3, null, "x1");
        Assert.Equal("NotTeam", VoteDriver.ErrorCode(notTeam));
    }
}
