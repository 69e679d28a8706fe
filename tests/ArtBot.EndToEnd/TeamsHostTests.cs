using System.Text;
using System.Text.Json;
using ArtBot.Tests.Shared;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// The <see cref="TeamsHost"/> itself, against teams-js 2.58 as the ART room bundles it (web/room's lock file), on a
/// page served on an https app origin: it answers a meeting side panel, the stage it shares, an attendee's bubble and
/// their tokens the way teams-js expects, and keeps what a page did that Teams would not answer.
/// </summary>
public sealed class TeamsHostTests
{
    private const string App = "https://app.artbot.test";
    private const string Page = App + "/page";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string MeetingId = "MCMxOTptZWV0aW5nX3BpcGxhbm5pbmdAdGhyZWFkLnYyIzA=";
    private const string MeetingChat = "19:meeting_piplanning@thread.v2";

    private static readonly TeamsUser Megan = new(Tenant, "00000000-0000-0000-0000-000000000021", "Megan Bowen", "meganb@contoso.example");
    private static readonly TeamsUser Isaiah = new(Tenant, "00000000-0000-0000-0000-000000000023", "Isaiah Langer", "isaiahl@contoso.example");

    [Fact]
    public async Task A_presenter_shares_the_side_panel_to_the_stage_an_attendee_submits_the_bubble_and_surprises_are_kept()
    {
        await using var sso = await TeamsSsoIssuer.StartAsync(SignedInBot.SsoClientId, "api://localhost/" + SignedInBot.SsoClientId);
        await using var host = await TeamsHost.StartAsync(sso, Megan);
        Serve(host);
        var meeting = TeamsContext.InMeeting(MeetingId, MeetingChat, role: "Presenter") with { Locale = "fr-FR", Theme = "dark" };

        // The side panel: initialize, the meeting context, an SSO token, then share to the stage.
        var panel = await host.OpenAsync(Page, TeamsFrameContexts.SidePanel, 280, 600, meeting);
        var seen = await panel.App.EvaluateAsync<JsonElement>("""
            async () => {
              await microsoftTeams.app.initialize();
              const c = await microsoftTeams.app.getContext();
              const token = await microsoftTeams.authentication.getAuthToken();
              const call = (f, ...args) => new Promise((ok, ko) => f((e, r) => e ? ko(new Error(JSON.stringify(e))) : ok(r), ...args));
              const capabilities = await call(microsoftTeams.meeting.getAppContentStageSharingCapabilities);
              const details = await call(microsoftTeams.meeting.getMeetingDetails);
              const shared = await call(microsoftTeams.meeting.shareAppContentToStage, location.origin + '/page?view=stage');
              const state = await call(microsoftTeams.meeting.getAppContentStageSharingState);
              return { frameContext: c.page.frameContext, meeting: c.meeting?.id ?? null, chat: c.chat?.id ?? null, user: c.user.id,
                tenant: c.user.tenant.id, locale: c.app.locale, theme: c.app.theme, token, capabilities, details: details.details.id, shared, state };
            }
            """);
        Assert.Equal("sidePanel", seen.GetProperty("frameContext").GetString());
        Assert.Equal(MeetingId, seen.GetProperty("meeting").GetString());
        Assert.Equal(MeetingChat, seen.GetProperty("chat").GetString());
        Assert.Equal(Megan.ObjectId, seen.GetProperty("user").GetString());
        Assert.Equal(Tenant, seen.GetProperty("tenant").GetString());
        Assert.Equal("fr-FR", seen.GetProperty("locale").GetString());
        Assert.Equal("dark", seen.GetProperty("theme").GetString());
        Assert.True(seen.GetProperty("capabilities").GetProperty("doesAppHaveSharePermission").GetBoolean());
        Assert.Equal(MeetingId, seen.GetProperty("details").GetString());
        Assert.True(seen.GetProperty("shared").GetBoolean());
        Assert.True(seen.GetProperty("state").GetProperty("isAppSharing").GetBoolean());
        var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(seen.GetProperty("token").GetString()!.Split('.')[1])).RootElement;
        Assert.Equal(SignedInBot.SsoClientId, claims.GetProperty("aud").GetString());
        Assert.Equal(Megan.ObjectId, claims.GetProperty("oid").GetString());
        Assert.Equal("access_as_user", claims.GetProperty("scp").GetString());
        var share = Assert.Single(host.SharedToStage);
        Assert.Equal(Page + "?view=stage", share.Url);
        Assert.Equal(TeamsFrameContexts.SidePanel, share.FromFrameContext);

        // The stage, as the meeting sees it: its own frame context, and Teams' theme changes reach it.
        var stage = await host.OpenSharedStageAsync(meeting);
        Assert.Equal("meetingStage", await stage.App.EvaluateAsync<string>("""
            async () => {
              await microsoftTeams.app.initialize();
              window.themes = [];
              microsoftTeams.app.registerOnThemeChangeHandler((theme) => window.themes.push(theme));
              return (await microsoftTeams.app.getContext()).page.frameContext;
            }
            """));
        await host.ChangeThemeAsync("contrast");
        await stage.App.WaitForFunctionAsync("() => window.themes.includes('contrast')");
        Assert.Contains("themeChange", stage.Handlers);

        // An attendee of the same meeting: may not share, sees the stage in use, and their bubble closes on submit.
        await using var attendee = await host.AsUserAsync(Isaiah);
        var asAttendee = meeting with { MeetingRole = "Attendee" };
        var side = await attendee.OpenAsync(Page, TeamsFrameContexts.SidePanel, 280, 600, asAttendee);
        var refused = await side.App.EvaluateAsync<JsonElement>("""
            async () => {
              await microsoftTeams.app.initialize();
              const call = (f, ...args) => new Promise((ok) => f((e, r) => ok({ error: e, result: r }), ...args));
              return { capabilities: await call(microsoftTeams.meeting.getAppContentStageSharingCapabilities),
                share: await call(microsoftTeams.meeting.shareAppContentToStage, location.origin + '/page'),
                state: await call(microsoftTeams.meeting.getAppContentStageSharingState) };
            }
            """);
        Assert.False(refused.GetProperty("capabilities").GetProperty("result").GetProperty("doesAppHaveSharePermission").GetBoolean());
        Assert.Equal(1000, refused.GetProperty("share").GetProperty("error").GetProperty("errorCode").GetInt32());
        Assert.True(refused.GetProperty("state").GetProperty("result").GetProperty("isAppSharing").GetBoolean());
        Assert.Single(host.SharedToStage);

        var bubble = await attendee.OpenAsync(Page + "?view=vote", TeamsFrameContexts.Task, 280, 300, asAttendee);
        await bubble.App.EvaluateAsync("async () => { await microsoftTeams.app.initialize(); microsoftTeams.dialog.url.submit({ vote: 4 }); }");
        await Assertions.Expect(bubble.Page.Locator("#app")).ToHaveCountAsync(0);
        var submitted = Assert.Single(attendee.SubmittedDialogs);
        Assert.Equal(4, submitted.Result!["vote"]!.GetValue<int>());
        Assert.True(bubble.IsClosed);
        attendee.AssertNoSurprises();
        host.AssertNoSurprises();
        Assert.True(host.ValidDomainsLookups > 0, "teams-js's UMD build looks its valid origins up on load");

        // What Teams would not answer here, and a request off the app's origins: kept, and the check fails naming them.
        var unsupported = await panel.App.EvaluateAsync<JsonElement>("""
            async () => {
              const error = await new Promise((ok) => microsoftTeams.meeting.getIncomingClientAudioState((e) => ok(e)));
              await fetch('https://cdn.example.test/tracker.js').catch(() => null);
              return error;
            }
            """);
        Assert.Equal(100, unsupported.GetProperty("errorCode").GetInt32());
        Assert.Equal("getIncomingClientAudioState", Assert.Single(host.UnsupportedCalls).Func);
        Assert.Equal("https://cdn.example.test/tracker.js", Assert.Single(host.BlockedRequests));
        var failure = Assert.Throws<Xunit.Sdk.TrueException>(host.AssertNoSurprises);
        Assert.Contains("getIncomingClientAudioState", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>teams-js as the ART room bundles it (its UMD build), and an empty page that loads it, on the app origin.</summary>
    private static void Serve(TeamsHost host)
    {
        var teamsJs = Path.Combine(Azurite.FindRepositoryRoot(), "web", "room", "node_modules", "@microsoft", "teams-js", "dist", "umd", "MicrosoftTeams.min.js");
        host.Serve(App + "/teams.js", "text/javascript", File.ReadAllText(teamsJs, Encoding.UTF8));
        var page = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title><script src="/teams.js"></script></head><body><main><h1>Test page</h1></main></body></html>""";
        foreach (var url in new[] { Page, Page + "?view=stage", Page + "?view=vote" })
        {
            host.Serve(url, "text/html; charset=utf-8", page);
        }
    }
}
