using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;
using ArtBot.Features.Meetings;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Meetings;

/// <summary>
/// The confidence vote in a PI Planning meeting, through the meeting pages' API and /api/messages: the organizer starts
/// it from the side panel, everyone's meeting window is alerted, attendees vote from the bubble, the stage reads it
/// live, low voters are asked privately for their concern, and the meeting's end closes and summarizes it. Teams'
/// meeting APIs are answered by the recording connector; tokens come from the local Entra-like issuer.
/// </summary>
[Collection(BotTests.Name)]
public sealed class MeetingVoteTests(BotHost bot)
{
    [Fact]
    public async Task The_organizer_starts_the_art_vote_in_one_click_and_every_meeting_window_is_alerted_with_the_ballot_page()
    {
        await using var rig = await MeetingRig.StartAsync(bot);
        var context = await rig.ContextAsync(MeetingRig.Organizer);
        Assert.True(context.GetProperty("linked").GetBoolean());
        Assert.True(context.GetProperty("canStart").GetBoolean());
        Assert.Equal("Organizer", context.GetProperty("role").GetString());
        Assert.Equal(["Comet", "Rocket"], context.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));

        var before = rig.Connector.Requests.Count;
        var (status, vote) = await rig.StartVoteAsync(MeetingRig.Organizer);
        Assert.Equal(HttpStatusCode.Created, status);
        var voteId = vote.GetProperty("voteId").GetString()!;
        Assert.Equal("How confident is the ART in the PI plan?", vote.GetProperty("question").GetString());
        Assert.Equal("art", vote.GetProperty("scope").GetString());
        Assert.NotNull(vote.GetProperty("deadline").GetString());

        // The card goes to the meeting's chat (the channel's meeting thread) with the in-meeting alert.
        var posted = (await rig.Connector.WaitForAsync(r => r.Method == "POST" && r.Path == $"/v3/conversations/{rig.ChatId}/activities")).Single();
        var notification = posted.Body!.Value.GetProperty("channelData").GetProperty("notification");
        Assert.True(notification.GetProperty("alertInMeeting").GetBoolean());
        var bubble = notification.GetProperty("externalResourceUrl").GetString()!;
        Assert.StartsWith($"https://teams.microsoft.com/l/bubble/{MeetingRig.TeamsAppId}?url=", bubble, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString($"{MeetingRig.PublicUrl}/room/ballot.html?vote={voteId}"), bubble, StringComparison.Ordinal);
        Assert.Contains("&height=300&width=280", bubble, StringComparison.Ordinal);
        Assert.Contains("How confident is the ART in the PI plan?", posted.AllText, StringComparison.Ordinal);

        // A second click while it is open starts nothing new; an attendee cannot start one.
        var (again, _) = await rig.StartVoteAsync(MeetingRig.Organizer);
        Assert.Equal(HttpStatusCode.Conflict, again);
        var (refused, problem) = await rig.StartVoteAsync(rig.Attendees[0], scope: "team", team: "Rocket");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("organizer and presenters", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False((await rig.ContextAsync(rig.Attendees[0])).GetProperty("canStart").GetBoolean());

        // The same vote as a channel's: in the ART's roll-up, and in the meeting's list.
        var votes = rig.Planning.Services.GetRequiredService<IVoteStore>();
        Assert.Contains(await votes.ListForArtAsync(VoteDriver.TenantId, rig.Planning.Art.Id, 20, default), v => v.VoteId == voteId && v.Scope == VoteScope.Art);
        Assert.Equal(voteId, (await rig.ContextAsync(MeetingRig.Presenter)).GetProperty("votes")[0].GetProperty("voteId").GetString());
        Assert.True(rig.Connector.Requests.Count > before);
    }

    [Fact]
    public async Task Attendees_vote_with_one_tap_the_stage_shows_the_exact_count_and_answers_304_while_nothing_changed()
    {
        await using var rig = await MeetingRig.StartAsync(bot, teamMeeting: true);
        await rig.SendEventAsync(MeetingPayloads.ParticipantJoin, new JsonObject
        {
            ["members"] = new JsonArray([.. rig.Attendees.Take(10).Append(MeetingRig.Organizer).Select(p => (JsonNode)new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "29:" + p, ["aadObjectId"] = p },
                ["meeting"] = new JsonObject { ["inMeeting"] = true, ["role"] = "Attendee" },
            })]),
        });
        var (_, started) = await rig.StartVoteAsync(MeetingRig.Organizer, scope: "team");
        var voteId = started.GetProperty("voteId").GetString()!;
        Assert.Equal("Rocket", started.GetProperty("teamName").GetString());

        int[] values = [5, 4, 4, 3, 5, 4];
        for (var i = 0; i < values.Length; i++)
        {
            var (status, mine) = await rig.BallotAsync(voteId, values[i], rig.Attendees[i]);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(values[i], mine.GetProperty("mine").GetInt32());
        }

        var (changed, changedBody) = await rig.BallotAsync(voteId, 3, rig.Attendees[0]); // a change of mind replaces the ballot
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(6, changedBody.GetProperty("voted").GetInt32());

        rig.Planning.Clock.Advance(TimeSpan.FromSeconds(1)); // past the live state's age
        using var stage = await rig.GetAsync($"/api/meeting/votes/{voteId}", MeetingRig.Organizer);
        Assert.Equal(HttpStatusCode.OK, stage.StatusCode);
        var live = await MeetingRig.JsonOf(stage);
        Assert.Equal(6, live.GetProperty("voted").GetInt32());
        Assert.Equal(11, live.GetProperty("inMeeting").GetInt32());
        Assert.Equal([0, 0, 2, 3, 1], live.GetProperty("distribution").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(3.8, live.GetProperty("average").GetDouble());
        Assert.True(live.GetProperty("open").GetBoolean());

        var etag = stage.Headers.ETag!.Tag;
        using var unchanged = await rig.GetAsync($"/api/meeting/votes/{voteId}", MeetingRig.Organizer, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        // Bad input is a clear 4xx, never a 500; a stranger (not in the meeting's channel) sees nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await rig.BallotAsync(voteId, 6, rig.Attendees[1])).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.GetAsync($"/api/meeting/votes/{voteId}", null)).StatusCode);
        const string stranger = "00000000-0000-0000-0000-0000000bad01";
        rig.Connector.FailPaths[$"/v3/conversations/{rig.Planning.Rocket.ConversationId}/members/{stranger}"] = 404;
        Assert.Equal(HttpStatusCode.NotFound, (await rig.BallotAsync(voteId, 4, stranger)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await rig.GetAsync("/api/meeting/votes/not-a-vote", MeetingRig.Organizer)).StatusCode);

        // Closing from the side panel shows the verdict; a ballot after it is refused.
        using var closing = await rig.PostAsync($"/api/meeting/votes/{voteId}/close", null, MeetingRig.Organizer);
        var closed = await MeetingRig.JsonOf(closing);
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.True(closed.GetProperty("confident").GetBoolean());
        Assert.Contains("accept", closed.GetProperty("verdict").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, (await rig.BallotAsync(voteId, 4, rig.Attendees[7])).Status);

        // "Vote again" starts round 2 in the meeting, alerted again; the closed round links to it.
        using var again = await rig.PostAsync($"/api/meeting/votes/{voteId}/again", null, MeetingRig.Organizer);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var round2 = await MeetingRig.JsonOf(again);
        Assert.Equal(2, round2.GetProperty("round").GetInt32());
        rig.Planning.Clock.Advance(TimeSpan.FromSeconds(1));
        using var first = await rig.GetAsync($"/api/meeting/votes/{voteId}", MeetingRig.Organizer);
        Assert.Equal(round2.GetProperty("voteId").GetString(), (await MeetingRig.JsonOf(first)).GetProperty("nextVoteId").GetString());
    }

    [Fact]
    public async Task Hidden_results_show_only_the_count_and_low_voters_are_asked_privately_in_batches_of_ten_at_most_once_each()
    {
        await using var rig = await MeetingRig.StartAsync(bot);
        var (_, started) = await rig.StartVoteAsync(MeetingRig.Presenter, anonymous: true, hideResults: true);
        var voteId = started.GetProperty("voteId").GetString()!;

        var low = rig.Attendees.Take(12).ToList();
        for (var i = 0; i < low.Count; i++) // one at a time: the bot's clock is the test's, and a burst's shared read waits on it
        {
            Assert.Equal(HttpStatusCode.OK, (await rig.BallotAsync(voteId, 1 + (i % 2), low[i])).Status);
        }

        var (_, high) = await rig.BallotAsync(voteId, 4, rig.Attendees[12]);
        Assert.True(high.GetProperty("distribution").ValueKind == JsonValueKind.Null);
        Assert.True(high.GetProperty("average").ValueKind == JsonValueKind.Null);
        Assert.Equal(13, high.GetProperty("voted").GetInt32());

        // The prompts gathered while the ballots came go out together once the delay is over: 12 voters, 2 calls.
        await rig.Planning.Timers.WhenTimersDueInAsync(MeetingRig.ConcernPromptDelay).WithinDeadline("the prompts wait for their delay");
        rig.Planning.Clock.Advance(MeetingRig.ConcernPromptDelay);
        var prompts = await rig.Connector.WaitForAsync(r => r.Method == "POST" && r.Path == $"/v1/meetings/{rig.MeetingId}/notification", 2);
        Assert.Equal(2, prompts.Count);
        var recipients = prompts.SelectMany(p => p.Body!.Value.GetProperty("value").GetProperty("recipients").EnumerateArray().Select(r => r.GetString())).ToList();
        Assert.All(prompts, p => Assert.InRange(p.Body!.Value.GetProperty("value").GetProperty("recipients").GetArrayLength(), 1, 10));
        Assert.Equal(low.Select(p => "29:" + p).Order(), recipients.Order());
        var surface = prompts[0].Body!.Value.GetProperty("value").GetProperty("surfaces")[0];
        Assert.Equal("meetingStage", surface.GetProperty("surface").GetString());
        Assert.Equal($"{MeetingRig.PublicUrl}/room/concern.html?vote={voteId}", surface.GetProperty("content").GetProperty("value").GetProperty("url").GetString());

        // A change from 2 to 1 is not asked again.
        await rig.BallotAsync(voteId, 1, low[1]);
        await rig.Planning.Timers.WhenTimersDueInAsync(MeetingRig.ConcernPromptDelay).WithinDeadline("the second gathering waits");
        rig.Planning.Clock.Advance(MeetingRig.ConcernPromptDelay);

        // The ballot also scheduled the card's update, whose timer may start after the advance: move the clock on while
        // an update waits for its delay, until every one ran.
        var updater = rig.Planning.Services.GetRequiredService<SharedCardUpdater>();
        for (var round = 0; round < 4; round++)
        {
            var idle = updater.WhenIdleAsync();
            if (await Task.WhenAny(idle, rig.Planning.Timers.WhenTimerDueWithinAsync(MeetingRig.ConcernPromptDelay)).WithinDeadline("an update is due or all ran") == idle)
            {
                break;
            }

            rig.Planning.Clock.Advance(MeetingRig.ConcernPromptDelay);
        }

        await updater.WhenIdleAsync().WithinDeadline("the prompts and card updates ran");
        Assert.Equal(2, rig.Connector.Requests.Count(r => r.Path == $"/v1/meetings/{rig.MeetingId}/notification"));

        // The concern, sent from the prompt's page, becomes the ART's risk in one click by the presenter; no author on an anonymous vote.
        using var sent = await rig.PostAsync($"/api/meeting/votes/{voteId}/concerns", new { text = "Integration environment is not ready until iteration 3" }, low[0]);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var concernId = (await MeetingRig.JsonOf(sent)).GetProperty("concernId").GetString()!;
        rig.Planning.Clock.Advance(TimeSpan.FromSeconds(1));
        using var panel = await rig.GetAsync($"/api/meeting/votes/{voteId}", MeetingRig.Presenter);
        var concern = (await MeetingRig.JsonOf(panel)).GetProperty("concerns")[0];
        Assert.True(concern.GetProperty("author").ValueKind == JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.Forbidden, (await rig.PostAsync($"/api/meeting/votes/{voteId}/concerns/{concernId}/risk", null, low[2])).StatusCode);
        using var raised = await rig.PostAsync($"/api/meeting/votes/{voteId}/concerns/{concernId}/risk", null, MeetingRig.Presenter);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var riskId = (await MeetingRig.JsonOf(raised)).GetProperty("riskId").GetString();
        var risks = await rig.Planning.Services.GetRequiredService<IImpedimentStore>().ListForArtAsync(VoteDriver.TenantId, rig.Planning.Art.Id, new ImpedimentQuery(ImpedimentKind.Risk), 10, default);
        Assert.Contains(risks.Items, r => r.Id == riskId && r.Kind == ImpedimentKind.Risk && r.Title.StartsWith("Integration environment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_meetings_end_closes_its_votes_and_posts_one_summary_to_the_meeting_chat_and_the_arts_channel()
    {
        await using var rig = await MeetingRig.StartAsync(bot, teamMeeting: true); // team Rocket's meeting: the summary goes to its chat and the ART's channel
        var (_, art) = await rig.StartVoteAsync(MeetingRig.Organizer);
        var (_, rocket) = await rig.StartVoteAsync(MeetingRig.Organizer, scope: "team", team: "Rocket");
        await rig.BallotAsync(art.GetProperty("voteId").GetString()!, 2, rig.Attendees[0]);
        await rig.BallotAsync(rocket.GetProperty("voteId").GetString()!, 4, rig.Attendees[1]);

        await rig.SendEventAsync(MeetingPayloads.EndChannel);
        await rig.SendEventAsync(MeetingPayloads.EndChannel); // delivered again: nothing twice

        var summaries = rig.Connector.Requests.Where(r => r.Method == "POST" && r.AllText.Contains("ended: its confidence votes", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Contains(summaries, s => s.Path == $"/v3/conversations/{rig.ChatId}/activities");
        Assert.Contains(summaries, s => s.Path == $"/v3/conversations/{rig.Planning.Home.ConversationId}/activities");
        Assert.Contains("Team Rocket: How confident are we in our PI plan? (round 1)", summaries[0].AllText, StringComparison.Ordinal);
        Assert.Contains("Average 2.0 from 1 votes", summaries[0].AllText, StringComparison.Ordinal);

        var votes = rig.Planning.Services.GetRequiredService<IVoteStore>();
        Assert.NotNull((await votes.GetAsync(art.GetProperty("voteId").GetString()!, default))!.ClosedAt);
        Assert.NotNull((await votes.GetAsync(rocket.GetProperty("voteId").GetString()!, default))!.ClosedAt);
    }

    [Fact]
    public async Task Without_roles_from_teams_the_arts_rtes_lead_and_teams_not_answering_is_a_503_that_says_so()
    {
        await using var rig = await MeetingRig.StartAsync(bot);
        const string rte = "00000000-0000-0000-0000-00000000f001";
        var art = rig.Planning.Art;
        rig.Connector.Answers[$"/v3/conversations/{rig.Planning.Home.ConversationId}/members/{rte}"] = "{\"id\":\"29:rte\",\"aadObjectId\":\"" + rte + "\"}";
        rig.Teams.TooLargeForRoles = true; // Teams answers no participant of a meeting of 350 people or more
        rig.Connector.Answers[$"/v3/conversations/{rig.Planning.Home.ConversationId}/members/{rig.Attendees[0]}"] = "{\"id\":\"29:a\",\"aadObjectId\":\"" + rig.Attendees[0] + "\"}";

        var attendee = await rig.ContextAsync(rig.Attendees[0]);
        Assert.False(attendee.GetProperty("canStart").GetBoolean());
        Assert.Contains("350 people", attendee.GetProperty("roleNote").GetString(), StringComparison.Ordinal);

        // The RTE (an RTE of the ART named by Entra object id) leads instead.
        await rig.Planning.Home.CommandAsync("art rte add <at>Rita</at>", PlanningRigRte, "Riley RTE", a => a["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Rita</at>", ["mentioned"] = new JsonObject { ["id"] = "29:rita", ["name"] = "Rita", ["aadObjectId"] = rte },
        }));
        Assert.True((await rig.ContextAsync(rte)).GetProperty("canStart").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await rig.StartVoteAsync(rte)).Status);

        const string unknown = "00000000-0000-0000-0000-00000000f002";
        rig.Connector.FailPaths[$"/v1/meetings/{rig.MeetingId}/participants/{unknown}"] = 503;
        using var unavailable = await rig.GetAsync($"/api/meeting/context?meeting={Uri.EscapeDataString(rig.MeetingId)}&chat={Uri.EscapeDataString(rig.ChatId)}", unknown);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Contains("Teams did not answer", (await MeetingRig.JsonOf(unavailable)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(art.Id, rig.Planning.Art.Id);
    }

    [Fact]
    public async Task A_meeting_teams_does_not_confirm_or_of_another_chat_is_not_found_and_nothing_is_linked()
    {
        await using var rig = await MeetingRig.StartAsync(bot);
        var wrongChat = rig.Planning.Comet.ConversationId + ";messageid=1";
        using var wrong = await rig.GetAsync($"/api/meeting/context?meeting={Uri.EscapeDataString(rig.MeetingId)}&chat={Uri.EscapeDataString(wrongChat)}", MeetingRig.Organizer);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        var unknownMeeting = "MCMxOTp1bmtub3du" + Guid.NewGuid().ToString("N");
        using var unknown = await rig.GetAsync($"/api/meeting/context?meeting={unknownMeeting}&chat={Uri.EscapeDataString(rig.ChatId)}", MeetingRig.Organizer);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The real chat is linked to the ART of its channel.
        Assert.True((await rig.ContextAsync(MeetingRig.Organizer)).GetProperty("linked").GetBoolean());
    }

    private const string PlanningRigRte = Planning.PlanningRig.RteAad;
}
