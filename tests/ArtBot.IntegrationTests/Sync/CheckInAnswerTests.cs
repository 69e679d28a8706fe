using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Sync;

/// <summary>Check-in answers, the summary and escalation through POST /api/messages, on the host's real clock.</summary>
[Collection(BotTests.Name)]
public sealed class CheckInAnswerTests(BotHost bot)
{
    private readonly SyncRig _rig = new(bot);

    /// <summary>An ART whose next sync is three days away (Europe/Berlin), so its check-in is open and no prompt is due.</summary>
    private async Task<(Art Art, IReadOnlyList<ArtTeam> Teams, SyncOccurrence Next)> ArtAsync(int teams = 2, bool nameNonResponders = false)
    {
        var day = DateTimeOffset.UtcNow.AddDays(3).DayOfWeek;
        var (art, list) = await _rig.CreateArtAsync("Europe/Berlin", day, "10:00", teams, nameNonResponders: nameNonResponders);
        return (art, list, SyncCalendar.Next(art, DateTimeOffset.UtcNow)!);
    }

    private static string Thread(ArtTeam team) => team.ConversationId + ";messageid=1763630500000";

    [Fact]
    public async Task Answering_stores_the_answer_and_who_gave_it_and_the_card_shows_it_and_it_can_be_edited()
    {
        var (art, teams, next) = await ArtAsync();

        var first = SyncRig.CardText(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(art, next, "at-risk", "Test env down", true), "megan-aad", "Megan Bowen"));

        Assert.Contains("Thanks, your check-in was saved.", first, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", first, StringComparison.Ordinal);
        Assert.Contains("Test env down (needs help)", first, StringComparison.Ordinal);
        var stored = await _rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default);
        Assert.Equal(ObjectiveStatus.AtRisk, stored!.Status);
        Assert.Equal("megan-aad", stored.AnsweredBy.Id);
        Assert.Equal([new CheckInItem("Test env down", true)], stored.Blockers);

        var second = SyncRig.CardText(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(art, next, "on-track"), "adele-aad", "Adele Vance"));

        Assert.Contains("Thanks, your check-in was updated.", second, StringComparison.Ordinal);
        stored = await _rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default);
        Assert.Equal(ObjectiveStatus.OnTrack, stored!.Status);
        Assert.Equal("adele-aad", stored.AnsweredBy.Id);
        Assert.Equal(2, stored.Revision);
        Assert.Empty(stored.Blockers);
    }

    [Fact]
    public async Task A_summary_asked_for_with_sync_summary_is_updated_in_place_by_a_later_answer()
    {
        var (art, teams, next) = await ArtAsync();
        await _rig.CommandAsync(art.HomeConversationId, "sync summary");
        var posted = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(art.SummaryConversationId, StringComparison.Ordinal))).Single();
        Assert.Contains("0 of 2 teams answered", posted.AllText, StringComparison.Ordinal);
        var row = await _rig.Store.GetDeliveryAsync(OccurrenceKey.Of(art, next), DeliveryKind.Summary, art.SummaryConversationId, default);

        await _rig.InvokeAsync(Thread(teams[1]), "sync.answer", SyncRig.Answer(art, next, "off-track", "No test data", true));

        var update = (await bot.Connector.WaitForAsync(r => r.Method == "PUT"
            && r.Path.EndsWith($"/v3/conversations/{art.SummaryConversationId}/activities/{row!.ActivityId}", StringComparison.Ordinal)
            && r.AllText.Contains("1 of 2 teams answered", StringComparison.Ordinal)))[^1];
        Assert.Contains("Off track", update.AllText, StringComparison.Ordinal);
        Assert.Contains("No test data", update.AllText, StringComparison.Ordinal);
        Assert.Single(_rig.PostsTo(art.SummaryConversationId)); // one card, updated; never a second post

        await _rig.CommandAsync(art.HomeConversationId, "sync summary");
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains(art.SummaryConversationId, StringComparison.Ordinal), count: 2);
        Assert.Single(_rig.PostsTo(art.SummaryConversationId));
    }

    [Fact]
    public async Task The_summary_lists_the_arts_impediments_open_longer_than_the_ageing_limit()
    {
        var (art, teams, _) = await ArtAsync();
        var store = bot.Services.GetRequiredService<IImpedimentStore>();
        async Task RaiseAsync(string title, int daysAgo) => await store.RaiseAsync(new Impediment
        {
            Id = "", TenantId = art.TenantId, ScopeId = teams[0].ConversationId, ConversationId = teams[0].ConversationId, ArtId = art.Id,
            TeamName = teams[0].TeamName, Kind = ImpedimentKind.Impediment, Title = title, RaisedBy = new Person("sam-aad", "Sam"),
            RaisedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo), Source = ImpedimentSource.Command(title),
        }, "ageing-test:" + title + art.Id, default);
        await RaiseAsync("Old licence server blocker", 20);
        await RaiseAsync("Fresh network issue", 2);

        await _rig.CommandAsync(art.HomeConversationId, "sync summary");

        var posted = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(art.SummaryConversationId, StringComparison.Ordinal))).Single();
        Assert.Contains("Impediments open more than 14 days", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Old licence server blocker", posted.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fresh network issue", posted.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_answers_get_clear_errors_and_change_nothing()
    {
        var (art, teams, next) = await ArtAsync();
        var (otherArt, otherTeams, _) = await ArtAsync(1);
        var key = OccurrenceKey.Of(art, next);

        Assert.Equal("InvalidAnswer", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(art, next, "green"))));
        var badFlag = SyncRig.Answer(art, next, "on-track", "x");
        badFlag["blocker1Help"] = "maybe";
        Assert.Equal("InvalidAnswer", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", badFlag)));
        Assert.Equal("InvalidAnswer", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer",
            new JsonObject { ["artId"] = art.Id, ["occurrence"] = next.Id, ["status"] = "on-track", ["progress"] = new string('p', 5000) })));

        // Another tenant posting into this ART's channel, another ART's id, the ART's home channel, a date that is no sync day.
        Assert.Equal("CheckInNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(art, next, "on-track"), tenantId: "0b5e0d8e-0000-4000-8000-000000000bad")));
        Assert.Equal("CheckInNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(otherArt, next, "on-track"))));
        Assert.Equal("CheckInNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(otherTeams[0]), "sync.answer", SyncRig.Answer(art, next, "on-track"))));
        Assert.Equal("CheckInNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(art.HomeConversationId, "sync.answer", SyncRig.Answer(art, next, "on-track"))));
        var wrongDay = SyncRig.Answer(art, next, "on-track");
        wrongDay["occurrence"] = next.Date.AddDays(1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("CheckInNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", wrongDay)));

        // Last week's sync has closed.
        var lastWeek = SyncCalendar.Scheduled(art, next.Date.AddDays(-7))!;
        Assert.Equal("SyncClosed", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(art, lastWeek, "on-track"))));

        Assert.Empty(await _rig.Store.GetAnswersAsync(key, default));
        Assert.Empty(await _rig.Store.GetAnswersAsync(OccurrenceKey.Of(art, lastWeek), default));
        Assert.Empty(await _rig.Store.GetAnswersAsync(OccurrenceKey.Of(otherArt, next), default));
    }

    [Fact]
    public async Task Sync_now_is_for_rtes_and_posts_the_prompts_to_every_team_at_once()
    {
        var (art, teams, next) = await ArtAsync(3);

        await _rig.CommandAsync(art.HomeConversationId, "sync now", "not-an-rte", "Pat Member");
        var refused = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(art.HomeConversationId, StringComparison.Ordinal))).Single();
        Assert.Contains("Only the ART's RTEs (Rita RTE)", refused.AllText, StringComparison.Ordinal);
        Assert.Null(await _rig.Store.GetPromptsRequestedAsync(OccurrenceKey.Of(art, next), default));

        await _rig.CommandAsync(art.HomeConversationId, "sync now");

        var reply = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(art.HomeConversationId, StringComparison.Ordinal), 2))[1];
        Assert.Contains("to 3 team channels now", reply.AllText, StringComparison.Ordinal);
        foreach (var team in teams)
        {
            await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(team.ConversationId, StringComparison.Ordinal));
        }

        Assert.All(teams, t => Assert.Single(_rig.PostsTo(t.ConversationId)));
    }

    [Fact]
    public async Task A_blocker_needing_help_becomes_an_impediment_in_one_click_from_the_summary_and_only_once()
    {
        var (art, teams, next) = await ArtAsync();
        await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", SyncRig.Answer(art, next, "at-risk", "Test env down", true));
        var raise = new JsonObject { ["artId"] = art.Id, ["occurrence"] = next.Id, ["team"] = teams[0].ConversationId, ["kind"] = "blocker", ["index"] = 0 };

        Assert.Equal("BlockerNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(Thread(teams[1]), "sync.raise", raise.DeepClone().AsObject())));
        var card = SyncRig.CardText(await _rig.InvokeAsync(art.SummaryConversationId, "sync.raise", raise.DeepClone().AsObject(), "rte-aad", "Rita RTE"));

        Assert.Contains("Raised as an impediment", card, StringComparison.Ordinal);
        var stored = await _rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default);
        var impedimentId = stored!.Blockers[0].ImpedimentId!;
        var impediment = await bot.Services.GetRequiredService<IImpedimentStore>().GetAsync(art.TenantId, teams[0].ConversationId, impedimentId, default);
        Assert.NotNull(impediment);
        Assert.Equal("Test env down", impediment.Title);
        Assert.Equal(ImpedimentSourceKind.CheckInBlocker, impediment.Source.Kind);
        Assert.Equal(art.Id, impediment.ArtId);
        Assert.Equal(teams[0].TeamName, impediment.TeamName);
        Assert.Equal("rte-aad", impediment.RaisedBy.Id);
        var posted = await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(teams[0].ConversationId, StringComparison.Ordinal) && r.AllText.Contains("Test env down", StringComparison.Ordinal));
        Assert.Single(posted); // the impediment's card, in the team's channel

        SyncRig.CardText(await _rig.InvokeAsync(art.SummaryConversationId, "sync.raise", raise.DeepClone().AsObject(), "rte-aad", "Rita RTE"));
        Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && r.Path.Contains(teams[0].ConversationId, StringComparison.Ordinal) && r.AllText.Contains("Test env down", StringComparison.Ordinal));
        Assert.Equal(impedimentId, (await _rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default))!.Blockers[0].ImpedimentId);

        var notNeedingHelp = raise.DeepClone().AsObject();
        notNeedingHelp["index"] = 5;
        Assert.Equal("BlockerNotFound", SyncRig.ErrorCode(await _rig.InvokeAsync(art.SummaryConversationId, "sync.raise", notNeedingHelp)));
    }

    [Fact]
    public async Task A_dependency_needing_help_becomes_a_tracked_dependency_in_one_click_from_the_summary_and_only_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (art, teams) = await _rig.CreateArtAsync(
            "Europe/Berlin", DateTimeOffset.UtcNow.AddDays(3).DayOfWeek, "10:00", 2, new ProgramIncrement("PI Track", today.AddDays(-20), today.AddDays(60)));
        var next = SyncCalendar.Next(art, DateTimeOffset.UtcNow)!;
        const string text = "Need the Team 02 fraud API before our release";
        var answer = SyncRig.Answer(art, next, "at-risk");
        answer["dependency1"] = text;
        answer["dependency1Help"] = "true";
        await _rig.InvokeAsync(Thread(teams[0]), "sync.answer", answer);

        var providerInput = SummaryItemData.ProviderInput(SummaryCard.ItemKey(art, next, CheckInItemKind.Dependency, 0, teams[0].ConversationId, text));
        await _rig.CommandAsync(art.HomeConversationId, "sync summary");
        var summary = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(art.HomeConversationId, StringComparison.Ordinal) && r.Cards.Any()))[0];
        Assert.Contains("Track dependency", summary.AllText, StringComparison.Ordinal);
        Assert.Contains($"\"id\":\"{providerInput}\"", summary.Body!.Value.GetRawText().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"\"value\":\"{teams[1].ConversationId}\"", summary.Body!.Value.GetRawText().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal); // guessed from "Team 02" in the text
        var track = new JsonObject { ["artId"] = art.Id, ["occurrence"] = next.Id, ["team"] = teams[0].ConversationId, ["kind"] = "dependency", ["index"] = 0 };

        Assert.Equal("NotTracked", SyncRig.ErrorCode(await _rig.InvokeAsync(art.SummaryConversationId, "sync.track", track.DeepClone().AsObject(), "rte-aad", "Rita RTE")));
        track[providerInput] = teams[1].ConversationId;
        var card = SyncRig.CardText(await _rig.InvokeAsync(art.SummaryConversationId, "sync.track", track.DeepClone().AsObject(), "rte-aad", "Rita RTE"));
        SyncRig.CardText(await _rig.InvokeAsync(art.SummaryConversationId, "sync.track", track.DeepClone().AsObject(), "rte-aad", "Rita RTE"));

        Assert.Contains("Tracked as a dependency between teams", card, StringComparison.Ordinal);
        var dependencyId = (await _rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default))!.Dependencies[0].DependencyId!;
        var dependency = await bot.Services.GetRequiredService<IPlanStore<Dependency>>().GetAsync(art.TenantId, art.Id, dependencyId, default);
        Assert.NotNull(dependency);
        Assert.Equal((teams[0].ConversationId, teams[1].ConversationId, art.Cadence.At(art.CurrentPi!, next.Date)!.Number, "rte-aad"),
            (dependency.RequesterConversationId, dependency.ProviderConversationId, dependency.NeededBy, dependency.RequestedBy.Id));
        await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(teams[1].ConversationId, StringComparison.Ordinal) && r.AllText.Contains(text, StringComparison.Ordinal));
        Assert.Single(bot.Connector.Requests, r => r.Method == "POST" && r.Path.Contains(teams[1].ConversationId, StringComparison.Ordinal) && r.AllText.Contains(text, StringComparison.Ordinal));
        Assert.Single(await bot.Services.GetRequiredService<IPlanStore<Dependency>>().ListAsync(art.TenantId, art.Id, default));
    }
}
