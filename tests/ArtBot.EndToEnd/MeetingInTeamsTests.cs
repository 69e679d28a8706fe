using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using ArtBot.DemoTrain;
using ArtBot.Domain.People;
using ArtBot.Tests.Shared;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The meeting pages (issue 26) in a <see cref="TeamsHost"/> (teams-js answered as Teams does: side panel, stage and
/// dialog frame contexts, the meeting context, SSO tokens, share to stage) against the published bot signed in
/// (<see cref="SignedInBot"/>), whose connector stand-in answers the meeting APIs from Microsoft's documented payloads.
/// A PI Planning meeting of the demo train's ART channel: the organizer starts the ART vote from the side panel, the
/// bot posts it to the meeting chat with the in-meeting alert, three attendees vote in the bubble it opens, the stage
/// follows, the voter who gave a 2 gets the private concern prompt, and the concern becomes a risk.
/// </summary>
public sealed class MeetingInTeamsTests(SignedInBot bot) : IClassFixture<SignedInBot>
{
    private const string General = DemoTrainOptions.PlaygroundGeneral;

    /// <summary>A channel meeting's chat is the channel's meeting thread; its id names that thread, as Teams' ids do.</summary>
    private const string RootMessage = "1767600000000";
    private const string MeetingChat = General + ";messageid=" + RootMessage;
    private const string Concern = "The payment API contract is not signed yet";
    private static readonly string MeetingId = Convert.ToBase64String(Encoding.UTF8.GetBytes($"0#{General}#{RootMessage}"));

    private static readonly TeamsUser Alex = User(DemoTrain.DemoTrain.Alex);
    private static readonly TeamsUser Megan = User(DemoTrain.DemoTrain.Megan);
    private static readonly TeamsUser Adele = User(DemoTrain.DemoTrain.Adele);
    private static readonly TeamsUser Isaiah = User(DemoTrain.DemoTrain.Isaiah);
    private static readonly string[] Themes = ["default", "dark", "contrast"];

    private string Panel => bot.BotUrl + "/room/meeting.html";

    [Fact]
    public async Task The_organizer_starts_the_art_vote_in_one_click_attendees_vote_in_the_bubble_the_stage_follows_and_a_concern_becomes_a_risk()
    {
        await bot.DemoTrain;
        var meeting = bot.Connector.AddChannelMeeting(MeetingId, MeetingChat, "PI Planning day 2", Alex);
        foreach (var person in new[] { Alex, Megan, Adele, Isaiah })
        {
            bot.Connector.Roster[person.ObjectId] = person;
            if (person != Alex)
            {
                meeting.Add(person, "Attendee");
            }
        }

        await JoinAsync(Alex, Megan, Adele, Isaiah);
        await using var host = await TeamsHost.StartAsync(bot.Sso, Alex);

        // The side panel: the meeting's ART, and for its organizer a start button per team and one for the ART.
        var panel = await host.OpenAsync(Panel, TeamsFrameContexts.SidePanel, 280, 600, InTheMeeting("Organizer"));
        await Assertions.Expect(panel.App.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aurora ART", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.App.GetByRole(AriaRole.Button, new() { Name = "Team vote: Rocket" })).ToBeVisibleAsync();
        Assert.Contains(bot.Connector.Calls, c => c.Method == "GET" && c.Path == $"/v1/meetings/{MeetingId}");
        Assert.Contains(bot.Connector.Calls, c => c.Method == "GET" && c.Path == $"/v1/meetings/{MeetingId}/participants/{Alex.ObjectId}");

        // One click: the bot posts the vote to the meeting chat with the in-meeting alert that opens the ballot.
        await panel.App.GetByRole(AriaRole.Button, new() { Name = "ART vote", Exact = true }).ClickAsync();
        var question = "How confident are we in our PI plan?";
        await Assertions.Expect(panel.App.GetByRole(AriaRole.Heading, new() { Name = question, Level = 3 })).ToBeVisibleAsync();
        var card = await bot.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/v3/conversations/{MeetingChat}/activities",
            "the vote card in the meeting chat");
        var notification = JsonNode.Parse(card.Body)!["channelData"]!["notification"]!;
        Assert.True(notification["alertInMeeting"]!.GetValue<bool>());
        var bubble = new Uri(notification["externalResourceUrl"]!.GetValue<string>());
        Assert.Equal($"https://teams.microsoft.com/l/bubble/{SignedInBot.AppId}", bubble.GetLeftPart(UriPartial.Path));
        var ballot = HttpUtility.ParseQueryString(bubble.Query)["url"]!;
        Assert.StartsWith(bot.BotUrl + "/room/ballot.html?vote=", ballot, StringComparison.Ordinal);
        var voteId = HttpUtility.ParseQueryString(new Uri(ballot).Query)["vote"]!;

        // Shared to the stage, which everyone sees at Teams' large and small stage sizes.
        await panel.App.GetByRole(AriaRole.Button, new() { Name = "Share to stage" }).ClickAsync();
        await Assertions.Expect(panel.App.GetByRole(AriaRole.Status).Filter(new() { HasText = "Shared to the meeting stage." })).ToHaveCountAsync(1);
        Assert.Equal($"{bot.BotUrl}/room/stage.html?vote={Uri.EscapeDataString(voteId)}", Assert.Single(host.SharedToStage).Url);
        var stages = new[]
        {
            await host.OpenSharedStageAsync(InTheMeeting("Organizer"), 994, 678),
            await host.OpenSharedStageAsync(InTheMeeting("Organizer"), 472, 382),
        };
        foreach (var stage in stages)
        {
            await Assertions.Expect(stage.App.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(question);
            await Assertions.Expect(stage.App.Locator("#count")).ToHaveTextAsync("0 of 4 in the meeting have voted");
        }

        // Three attendees vote in the bubble with one key or one tap, each in another Teams theme.
        var voters = new (TeamsUser User, string Theme, int Value, Func<IFrame, Task> Cast)[]
        {
            // The key decides, wherever the focus is in the bubble (here: on 1).
            (Megan, "default", 4, app => app.GetByRole(AriaRole.Button, new() { Name = "1: no confidence" }).PressAsync("4")),
            (Adele, "dark", 2, app => app.GetByRole(AriaRole.Button, new() { Name = "2: little confidence" }).ClickAsync()),
            (Isaiah, "contrast", 5, app => app.GetByRole(AriaRole.Button, new() { Name = "5: very confident" }).ClickAsync()),
        };
        var attendees = new Dictionary<TeamsUser, (TeamsHost Host, TeamsHostFrame Bubble)>();
        foreach (var (user, theme, value, cast) in voters)
        {
            var attendee = await host.AsUserAsync(user);
            var frame = await attendee.OpenAsync(ballot, TeamsFrameContexts.Task, 280, 300, InTheMeeting("Attendee", theme));
            attendees[user] = (attendee, frame);
            await Assertions.Expect(frame.App.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(question);
            await Assertions.Expect(frame.App.GetByRole(AriaRole.Button, new() { Name = "4: confident" })).ToBeVisibleAsync();
            await Assertions.Expect(frame.App.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
            await Axe.AssertAccessibleAsync(frame.App, $"ballot ({theme})");
            await frame.ScreenshotAsync($"meeting-ballot-{theme}");
            await cast(frame.App);
            await Assertions.Expect(frame.App.GetByText($"Your vote: {value} — you can change it until the vote closes")).ToBeVisibleAsync();
        }

        foreach (var stage in stages)
        {
            await Assertions.Expect(stage.App.Locator("#count")).ToHaveTextAsync("3 of 4 in the meeting have voted");
            await Assertions.Expect(stage.App.GetByText("Average 3.7")).ToBeVisibleAsync();
            await Assertions.Expect(stage.App.GetByRole(AriaRole.List, new() { Name = "Votes per value" })).ToContainTextAsync("2: little confidence: 1 vote");
        }

        await stages[0].ScreenshotAsync("meeting-stage-994x678-open");

        // The bubble closes itself once it said what was cast.
        foreach (var (user, _, value, _) in voters)
        {
            var (attendee, frame) = attendees[user];
            await Assertions.Expect(frame.Page.Locator("#app")).ToHaveCountAsync(0);
            var submitted = Assert.Single(attendee.SubmittedDialogs);
            Assert.Equal(value, submitted.Result!["value"]!.GetValue<int>());
            Assert.Equal(voteId, submitted.Result!["voteId"]!.GetValue<string>());
        }

        // Only the voter who gave a 2 is asked, privately, what worries them.
        var prompt = await bot.Connector.WaitForMeetingNotificationAsync(n => n.MeetingId == MeetingId, "the concern prompt to the voter who gave a 2");
        Assert.Equal([Adele.TeamsId], prompt.Recipients);
        Assert.Equal("meetingStage", prompt.Surface);
        Assert.Equal($"{bot.BotUrl}/room/concern.html?vote={Uri.EscapeDataString(voteId)}", prompt.Url);
        Assert.Single(bot.Connector.MeetingNotifications);
        Assert.Contains(bot.Connector.Calls, c => c.Method == "GET" && c.Path == $"/v3/conversations/{General}/pagedmembers");

        var adele = attendees[Adele].Host;
        var concern = await adele.OpenAsync(prompt.Url!, TeamsFrameContexts.Task, 280, 300, InTheMeeting("Attendee"));
        await Assertions.Expect(concern.App.GetByLabel("Your concern")).ToBeVisibleAsync();
        await Assertions.Expect(concern.App.GetByText("Sent with your name.")).ToBeVisibleAsync();
        foreach (var theme in Themes)
        {
            await adele.ChangeThemeAsync(theme);
            await Assertions.Expect(concern.App.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
            await Axe.AssertAccessibleAsync(concern.App, $"concern ({theme})");
        }

        await concern.ScreenshotAsync("meeting-concern-contrast");
        await concern.App.GetByLabel("Your concern").FillAsync(Concern);
        await concern.App.GetByRole(AriaRole.Button, new() { Name = "Send concern" }).ClickAsync();
        await Assertions.Expect(concern.App.GetByText("Thank you, your concern was recorded.")).ToBeVisibleAsync();
        await Assertions.Expect(concern.Page.Locator("#app")).ToHaveCountAsync(0);

        // The organizer sees the concern (the panel follows its open votes) and raises it as a risk in one click.
        await Assertions.Expect(panel.App.GetByText(Concern)).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(panel.App.GetByText("From Adele Vance")).ToBeVisibleAsync();
        await panel.App.GetByRole(AriaRole.Button, new() { Name = "Raise as risk" }).ClickAsync();
        await Assertions.Expect(panel.App.GetByText("Raised as a risk", new() { Exact = true })).ToBeVisibleAsync();
        await bot.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/v3/conversations/{General}/activities" && c.Body.Contains(Concern, StringComparison.Ordinal),
            "the risk's card in the ART's channel");

        // An attendee's side panel shows the vote, but nothing to start, share or close.
        var isaiah = attendees[Isaiah].Host;
        var theirs = await isaiah.OpenAsync(Panel, TeamsFrameContexts.SidePanel, 280, 600, InTheMeeting("Attendee"));
        await Assertions.Expect(theirs.App.GetByText("Organizers and presenters start the votes.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(theirs.App.GetByRole(AriaRole.Heading, new() { Name = question, Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(theirs.App.GetByText("Your vote: 5", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(theirs.App.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(theirs.App, "attendee's side panel");

        // The organizer closes the vote: the stage shows the verdict and offers the next round.
        await panel.App.GetByRole(AriaRole.Button, new() { Name = "Close vote…" }).ClickAsync();
        await panel.App.GetByRole(AriaRole.Button, new() { Name = "Yes, close the vote" }).ClickAsync();
        foreach (var stage in stages)
        {
            await Assertions.Expect(stage.App.Locator("#verdict")).ToContainTextAsync("Closed");
            await Assertions.Expect(stage.App.Locator("#verdict")).ToContainTextAsync("Commitment accepted");
            await Assertions.Expect(stage.App.GetByRole(AriaRole.Button, new() { Name = "Vote again" })).ToBeVisibleAsync();
        }

        // Side panel and stage at both sizes in Teams' three themes.
        var organizerFrames = new[] { ("side-panel", panel), ("stage-994x678", stages[0]), ("stage-472x382", stages[1]) };
        foreach (var theme in Themes)
        {
            await host.ChangeThemeAsync(theme);
            foreach (var (name, frame) in organizerFrames)
            {
                await Assertions.Expect(frame.App.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
                await Axe.AssertAccessibleAsync(frame.App, $"{name} ({theme})");
                await frame.ScreenshotAsync($"meeting-{name}-{theme}");
            }
        }

        foreach (var (attendee, _) in attendees.Values)
        {
            attendee.AssertNoSurprises();
            await attendee.DisposeAsync();
        }

        host.AssertNoSurprises();
    }

    /// <summary>A channel meeting of the ART's General channel, as teams-js reports it to <paramref name="role"/>.</summary>
    private static TeamsContext InTheMeeting(string role, string theme = "default") =>
        TeamsContext.InChannel(General, "Aurora", MeetingChat, "General") with
        {
            EntityId = "meeting",
            MeetingId = MeetingId,
            MeetingRole = role,
            Theme = theme,
        };

    /// <summary>Teams tells the bot who joined the meeting (the documented participant join event), so the stage counts them.</summary>
    private async Task JoinAsync(params TeamsUser[] people)
    {
        var activity = MeetingPayloads.Load(MeetingPayloads.ParticipantJoin);
        activity["serviceUrl"] = bot.Connector.ServiceUrl;
        activity["from"] = new JsonObject { ["id"] = Alex.TeamsId, ["aadObjectId"] = Alex.ObjectId };
        activity["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = SignedInBot.TenantId, ["id"] = MeetingChat };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = SignedInBot.TenantId },
            ["team"] = new JsonObject { ["id"] = General },
            ["channel"] = new JsonObject { ["id"] = General },
            ["meeting"] = new JsonObject { ["id"] = MeetingId },
        };
        activity["value"] = new JsonObject
        {
            ["members"] = new JsonArray([.. people.Select(p => (JsonNode)new JsonObject
            {
                ["user"] = new JsonObject { ["tenantId"] = p.TenantId, ["objectId"] = p.ObjectId, ["id"] = p.TeamsId, ["name"] = p.Name, ["aadObjectId"] = p.ObjectId },
                ["meeting"] = new JsonObject { ["inMeeting"] = true, ["role"] = p == Alex ? "Organizer" : "Attendee" },
            })]),
        };
        var status = await bot.PostActivityAsync(activity);
        Assert.True((int)status is >= 200 and < 300, $"/api/messages answered {status}. Bot output:\n{bot.BotOutput}");
    }

    private static TeamsUser User(Person person) =>
        new(SignedInBot.TenantId, person.Id, person.Name!, person.Name!.Split(' ')[0].ToLowerInvariant() + "@contoso.example");
}
