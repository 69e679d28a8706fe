using System.Text.Json.Nodes;
using ArtBot.DemoTrain;
using ArtBot.Tests.Shared;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The ART room's in-Teams path, which the local-development tests (<see cref="RoomTabTests"/>) never take: the tab in a
/// <see cref="TeamsHost"/> (teams-js answered as Teams does) against the published bot signed in (<see cref="SignedInBot"/>).
/// The page signs in with <c>authentication.getAuthToken</c>, the bot checks the token and asks Teams (the connector
/// stand-in) whether the user is a member; the data is the demo train plus an impediment raised through /api/messages.
/// </summary>
public sealed class RoomInTeamsTests(SignedInBot bot) : IClassFixture<SignedInBot>
{
    private const string General = DemoTrainOptions.PlaygroundGeneral;
    private const string RocketChannel = "19:team-planning@thread.tacv2";
    private const string Raised = "Staging database read-only since the upgrade";

    private static readonly TeamsUser Alex = new(SignedInBot.TenantId, DemoTrain.DemoTrain.Alex.Id, "Alex Wilber", "alexw@contoso.example");
    private static readonly TeamsUser Outsider = new(SignedInBot.TenantId, "00000000-0000-0000-0000-0000000000ee", "Ulla Outsider", "ulla@contoso.example");
    private static readonly TeamsContext ArtChannel = TeamsContext.InChannel(General, "Aurora", General, "General");

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["PI overview"] = "Is Aurora ART confident in the plan for",
        ["Risks & impediments"] = Raised,
        ["ART sync"] = "Lyra",
        ["Improvements"] = "Make flaky tests visible",
        ["Predictability"] = "Nebula",
        ["Dependencies"] = "Quasar",
    };

    private string Room => bot.BotUrl + "/room/";

    [Fact]
    public async Task A_member_signs_in_with_teams_sso_sees_every_view_in_teams_theme_and_language_and_axe_finds_nothing_serious()
    {
        await bot.DemoTrain;
        await RaiseImpedimentAsAlexAsync();
        bot.Connector.Roster[Alex.ObjectId] = Alex;
        await using var host = await TeamsHost.StartAsync(bot.Sso, Alex);

        // The ART's channel tab: signed in with the SSO token, membership confirmed by Teams.
        var tab = await host.OpenAsync(Room, TeamsFrameContexts.Content, 1280, 900, ArtChannel);
        var room = tab.App;
        var nav = room.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" });
        await Assertions.Expect(nav).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aurora ART");
        await Assertions.Expect(room.GetByText("Signed in as Alex Wilber").First).ToBeVisibleAsync();
        Assert.Contains(host.Calls, c => c.Func == "authentication.getAuthToken");
        Assert.Contains(bot.Connector.Calls, c => c.Method == "GET" && c.Path == $"/v3/conversations/{General}/members/{Alex.ObjectId}");

        foreach (var (view, text) in Expected)
        {
            await nav.GetByRole(AriaRole.Button, new() { Name = view }).ClickAsync();
            await Assertions.Expect(room.GetByRole(AriaRole.Heading, new() { Name = view, Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(room.GetByText(text, new() { Exact = false }).Locator("visible=true").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Axe.AssertAccessibleAsync(room, $"in Teams: {view}");
        }

        await tab.ScreenshotAsync("room-in-teams-dependencies-light");

        // Teams switches to dark: the tab follows without reloading.
        await host.ChangeThemeAsync("dark");
        await Assertions.Expect(room.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Axe.AssertAccessibleAsync(room, "in Teams: Dependencies (dark)");
        await tab.ScreenshotAsync("room-in-teams-dependencies-dark");

        // The personal tab ("My ART work") in Teams' German: Alex's impediment, raised in Rocket's channel.
        var mine = await host.OpenAsync(Room, TeamsFrameContexts.Content, 1280, 900, TeamsContext.Personal("mine") with { Locale = "de-DE" });
        await Assertions.Expect(mine.App.GetByRole(AriaRole.Heading, new() { Name = "Meine Hindernisse", Level = 3 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(mine.App.GetByText(Raised).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal("de", await mine.App.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Axe.AssertAccessibleAsync(mine.App, "in Teams: Meine ART-Arbeit");
        await mine.ScreenshotAsync("room-in-teams-mine-de");

        host.AssertNoSurprises();
    }

    [Fact]
    public async Task Someone_teams_does_not_list_as_a_member_or_whom_teams_cannot_sign_in_sees_nothing_of_the_art()
    {
        await bot.DemoTrain;
        await using var host = await TeamsHost.StartAsync(bot.Sso, Outsider);

        // Signed in, same tenant, but Teams answers 404 for their membership of the ART's channel.
        var tab = await host.OpenAsync(Room, TeamsFrameContexts.Content, 1280, 900, ArtChannel);
        await Assertions.Expect(tab.App.GetByRole(AriaRole.Alert)).ToContainTextAsync("This conversation's data is not available to you.", new() { Timeout = 30_000 });
        Assert.Contains(bot.Connector.Calls, c => c.Method == "GET" && c.Path == $"/v3/conversations/{General}/members/{Outsider.ObjectId}");
        await Assertions.Expect(tab.App.GetByText("Aurora ART")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.App.GetByRole(AriaRole.Navigation, new() { Name = "ART room views" })).ToBeHiddenAsync();
        await Axe.AssertAccessibleAsync(tab.App, "in Teams: not a member");
        host.AssertNoSurprises();

        // A member for whom Teams cannot get a token (consent missing): the page says sign-in failed, and asks nothing.
        await using var consentless = await host.AsUserAsync(Alex);
        consentless.AuthTokenError = "resourceRequiresConsent";
        var refused = await consentless.OpenAsync(Room, TeamsFrameContexts.Content, 1280, 900, ArtChannel);
        await Assertions.Expect(refused.App.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed.", new() { Timeout = 30_000 });
        await Assertions.Expect(refused.App.GetByText("Aurora ART")).ToHaveCountAsync(0);
        consentless.AssertNoSurprises();
    }

    [Fact]
    public async Task The_configuration_page_saves_the_art_room_as_the_channel_tab_when_teams_save_is_pressed()
    {
        await using var host = await TeamsHost.StartAsync(bot.Sso, Alex);
        var config = await host.OpenAsync(bot.BotUrl + "/room/config.html", TeamsFrameContexts.Settings, 600, 400, ArtChannel with { Locale = "es-ES" });
        await Assertions.Expect(config.App.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(config.App.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await host.WhenCalledAsync("registerHandler", c => c.Args[0]?.GetValue<string>() == "save");
        Assert.True((await host.WhenCalledAsync("settings.setValidityState")).Args[0]!.GetValue<bool>());

        await host.SaveSettingsAsync(config);
        await host.WhenCalledAsync("settings.save.success");
        var saved = Assert.Single(host.SavedSettings);
        Assert.Equal(Room, saved["contentUrl"]!.GetValue<string>());
        Assert.Equal("artroom", saved["entityId"]!.GetValue<string>());
        await Axe.AssertAccessibleAsync(config.App, "in Teams: configuration page (es)");
        host.AssertNoSurprises();
    }

    /// <summary>Alex raises an impediment in team Rocket's channel through the bot's /api/messages; the bot answers there.</summary>
    private async Task RaiseImpedimentAsAlexAsync()
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, bot.Connector.ServiceUrl, RocketChannel);
        activity["text"] = "<at>ArtBot</at> impediment " + Raised;
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "text/html",
            ["content"] = $"<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">ArtBot</span>&nbsp;impediment {Raised}</div></div>",
        });
        activity["from"] = new JsonObject { ["id"] = Alex.TeamsId, ["name"] = Alex.Name, ["aadObjectId"] = Alex.ObjectId };
        activity["conversation"]!["tenantId"] = SignedInBot.TenantId;
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = RocketChannel,
            ["teamsTeamId"] = General,
            ["channel"] = new JsonObject { ["id"] = RocketChannel },
            ["team"] = new JsonObject { ["id"] = General },
            ["tenant"] = new JsonObject { ["id"] = SignedInBot.TenantId },
        };
        var status = await bot.PostActivityAsync(activity);
        Assert.True((int)status is >= 200 and < 300, $"/api/messages answered {status}. Bot output:\n{bot.BotOutput}");
        await bot.Connector.WaitForAsync(c => c.Path.Contains(RocketChannel, StringComparison.Ordinal) && c.Body.Contains(Raised, StringComparison.Ordinal),
            "the bot's answer in Rocket's channel to the impediment raised");
    }
}
