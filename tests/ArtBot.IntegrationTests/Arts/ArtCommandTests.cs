using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Arts;

/// <summary>ART set-up, settings, teams joining, RTEs, PIs and skipped dates through /api/messages.</summary>
[Collection(BotTests.Name)]
public sealed class ArtCommandTests(BotHost bot)
{
    private const string Rte = "rte-aad";
    private IArtStore Store => bot.Services.GetRequiredService<IArtStore>();

    private static JsonObject Form(string name = "Rocket ART", string day = "Wednesday", string time = "10:00", string zone = "Europe/Berlin", string? version = null, string? artId = null, string? summary = null)
    {
        var form = new JsonObject
        {
            ["artName"] = name, ["piName"] = "PI 2027.1", ["piStart"] = "2027-01-04", ["piEnd"] = "2027-03-12",
            ["syncDay"] = day, ["syncTime"] = time, ["timeZone"] = zone, ["promptLead"] = "1440", ["reminderLead"] = "120",
            ["nameNonResponders"] = "false",
        };
        form["summaryChannel"] = summary;
        if (artId is not null)
        {
            form["artId"] = artId;
            form["version"] = version;
        }

        return form;
    }

    /// <summary>Sets up an ART in a fresh channel as the RTE; returns the driver and the stored ART.</summary>
    private async Task<(VoteDriver Channel, Art Art)> SetUpAsync(string name = "Rocket ART")
    {
        var channel = new VoteDriver(bot);
        var posted = await channel.CommandAsync("art setup", Rte, "Riley RTE");
        Assert.Contains("Set up an Agile Release Train", posted.AllText);
        var (status, body) = await channel.InvokeAsync("art.save", Form(name, summary: channel.ConversationId), Rte, "Riley RTE");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ART set up", VoteDriver.CardText(body));
        var art = (await Store.FindByConversationAsync(VoteDriver.TenantId, channel.ConversationId, default))!.Art;
        return (channel, art);
    }

    [Fact]
    public async Task A_channel_without_an_art_says_how_to_set_one_up()
    {
        var posted = await new VoteDriver(bot).CommandAsync("art");

        Assert.Contains("art setup", posted.AllText);
    }

    [Fact]
    public async Task An_rte_sets_up_an_art_from_the_form_and_art_shows_it()
    {
        var (channel, art) = await SetUpAsync();

        Assert.Equal("Rocket ART", art.Name);
        Assert.Equal(new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 12)), art.CurrentPi);
        Assert.Equal(new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin"), art.Sync);
        Assert.Equal(Rte, Assert.Single(art.Rtes).Id);

        var shown = await channel.CommandAsync("art");
        Assert.Contains("Wednesdays at 10:00 (Europe/Berlin)", shown.AllText);
        Assert.Contains("Riley RTE", shown.AllText);
        Assert.Contains("PI 2027.1", shown.AllText);
    }

    [Fact]
    public async Task The_setup_form_defaults_to_the_users_time_zone()
    {
        var posted = await new VoteDriver(bot).CommandAsync("art setup");

        var zone = FindInput(Assert.Single(posted.Cards), "timeZone");
        Assert.Equal("Europe/Berlin", zone.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("Mars/Olympus", "Wednesday", "10:00", "not a time zone")]
    [InlineData("Europe/Berlin", "Sunday", "02:30", "does not exist")]
    [InlineData("America/New_York", "Sunday", "01:30", "happens twice")]
    [InlineData("Europe/Berlin", "Someday", "10:00", "Monday to Sunday")]
    [InlineData("Europe/Berlin", "Wednesday", "25:61", "not a time")]
    public async Task Bad_settings_show_the_form_again_with_the_problem_and_store_nothing(string zone, string day, string time, string expected)
    {
        var channel = new VoteDriver(bot);

        var (_, body) = await channel.InvokeAsync("art.save", Form(zone: zone, day: day, time: time, summary: channel.ConversationId), Rte);

        var text = VoteDriver.CardText(body);
        Assert.Contains(expected, text);
        Assert.Contains("Set up an Agile Release Train", text);
        Assert.Null(await Store.FindByConversationAsync(VoteDriver.TenantId, channel.ConversationId, default));
    }

    [Fact]
    public async Task A_team_name_of_5000_characters_is_refused()
    {
        await SetUpAsync();
        var team = new VoteDriver(bot);

        var posted = await team.CommandAsync("art join " + new string('x', 5000));

        Assert.Contains("keep it to 100", posted.AllText);
        Assert.Null(await Store.FindByConversationAsync(VoteDriver.TenantId, team.ConversationId, default));
    }

    [Fact]
    public async Task Setting_up_or_joining_outside_a_channel_is_refused()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity["text"] = "art join Rocket";
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(activity)).StatusCode);

        var reply = Assert.Single(await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal)));
        Assert.Contains("from their own channel", reply.AllText);
    }

    [Fact]
    public async Task Team_channels_join_and_art_lists_them()
    {
        var (home, art) = await SetUpAsync("Join ART " + Guid.NewGuid().ToString("N")[..6]);
        var team = new VoteDriver(bot);

        var joined = await team.CommandAsync("art join Rocket");
        if (joined.Cards.Any())
        {
            // Other tests' ARTs live in the same tenant: pick ours from the choice card.
            var (_, body) = await team.InvokeAsync("art.join", new JsonObject { ["artId"] = art.Id, ["teamName"] = "Rocket" }, "sm-aad");
            Assert.Contains("joined", VoteDriver.CardText(body));
        }
        else
        {
            Assert.Contains("joined", joined.AllText);
        }

        var membership = (await Store.FindByConversationAsync(VoteDriver.TenantId, team.ConversationId, default))!;
        Assert.Equal(art.Id, membership.Art.Id);
        Assert.Equal("Rocket", membership.Team!.TeamName);
        Assert.Contains("Rocket", (await home.CommandAsync("art")).AllText);
        Assert.Contains("home channel", (await home.CommandAsync("art join Home")).AllText);
    }

    [Fact]
    public async Task Only_rtes_change_settings_and_a_stale_form_is_not_applied()
    {
        var (channel, art) = await SetUpAsync();

        var (_, refused) = await channel.InvokeAsync("art.save", Form("Hijacked", artId: art.Id, version: art.Version, summary: channel.ConversationId), "someone-else");
        Assert.Equal("NotRte", VoteDriver.ErrorCode(refused));

        var (_, saved) = await channel.InvokeAsync("art.save", Form("Renamed ART", time: "11:00", artId: art.Id, version: art.Version, summary: channel.ConversationId), Rte);
        Assert.Contains("Settings saved", VoteDriver.CardText(saved));

        var (_, stale) = await channel.InvokeAsync("art.save", Form("Stale name", artId: art.Id, version: art.Version, summary: channel.ConversationId), Rte);
        Assert.Contains("Someone changed these settings", VoteDriver.CardText(stale));

        var stored = (await Store.GetAsync(VoteDriver.TenantId, art.Id, default))!;
        Assert.Equal("Renamed ART", stored.Name);
        Assert.Equal(new TimeOnly(11, 0), stored.Sync.Time);
    }

    [Fact]
    public async Task Rtes_skip_sync_dates_start_pis_and_add_rtes()
    {
        var (channel, art) = await SetUpAsync();

        Assert.Contains("No ART sync on", (await channel.CommandAsync("sync skip 2027-12-24", Rte)).AllText);
        Assert.Contains("not a date", (await channel.CommandAsync("sync skip christmas", Rte)).AllText);
        Assert.Contains("Only the RTEs", (await channel.CommandAsync("sync skip 2027-12-31", "someone-else")).AllText);
        Assert.Contains("PI 2027.2", (await channel.CommandAsync("pi start PI 2027.2 2027-03-15 2027-05-21", Rte)).AllText);
        Assert.Contains("end after it starts", (await channel.CommandAsync("pi start PI X 2027-05-21 2027-03-15", Rte)).AllText);

        Assert.Contains("Iterations", (await channel.CommandAsync("art", Rte)).AllText, StringComparison.Ordinal);
        var stored = (await Store.GetAsync(VoteDriver.TenantId, art.Id, default))!;
        Assert.Equal(IterationCadence.Default, stored.Cadence);
        Assert.Equal(5, stored.Cadence.Of(stored.CurrentPi!).Count);
        Assert.Equal([new DateOnly(2027, 12, 24)], stored.SkippedDates);
        Assert.Equal(new ProgramIncrement("PI 2027.2", new DateOnly(2027, 3, 15), new DateOnly(2027, 5, 21)), stored.CurrentPi);
    }

    [Fact]
    public async Task An_rte_adds_another_rte_by_mention_and_the_last_rte_cannot_be_removed()
    {
        var (channel, art) = await SetUpAsync();

        await MentionAsync(channel, "art rte add", Rte, "Riley RTE", "Sam Scrum", mentionedAad: null, "is now an RTE");

        var stored = (await Store.GetAsync(VoteDriver.TenantId, art.Id, default))!;
        Assert.Equal(2, stored.Rtes.Count);
        Assert.Equal(["Riley RTE", "Sam Scrum"], stored.Rtes.Select(r => r.Name));
    }

    [Fact]
    public async Task Rtes_name_business_owners_who_art_shows_and_nobody_else_can()
    {
        var (channel, art) = await SetUpAsync();

        await MentionAsync(channel, "art bo add", Rte, "Riley RTE", "Dana Owner", "dana-aad", "is now a Business Owner");
        await MentionAsync(channel, "art bo add", "someone-else", "Sam Someone", "Eve Owner", "eve-aad", "Only the RTEs");
        var shown = (await channel.CommandAsync("art", Rte)).AllText;
        Assert.Contains("Business Owners", shown, StringComparison.Ordinal);
        Assert.Contains("Dana Owner", shown, StringComparison.Ordinal);
        var stored = (await Store.GetAsync(VoteDriver.TenantId, art.Id, default))!;
        Assert.Equal(["dana-aad"], stored.BusinessOwners.Select(b => b.Id));
        Assert.True(stored.IsBusinessOwner("dana-aad"));
        Assert.Equal(["Riley RTE"], stored.Rtes.Select(r => r.Name)); // RTEs unchanged

        await MentionAsync(channel, "art bo remove", Rte, "Riley RTE", "Dana Owner", "dana-aad", "is no longer a Business Owner");
        Assert.Empty((await Store.GetAsync(VoteDriver.TenantId, art.Id, default))!.BusinessOwners);
        Assert.Contains("none yet", (await channel.CommandAsync("art", Rte)).AllText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts <c>@ArtBot {command} @{mentioned}</c> as <paramref name="fromAad"/> and waits for the answer containing
    /// <paramref name="answer"/>. Without <paramref name="mentionedAad"/> the mention carries a Teams id only.
    /// </summary>
    private async Task MentionAsync(VoteDriver channel, string command, string fromAad, string fromName, string mentionedName, string? mentionedAad, string answer)
    {
        var first = mentionedName.Split(' ')[0];
        var activity = bot.Payload(TeamsPayloads.ChannelMention, channel.ConversationId);
        activity["text"] = $"<at>ArtBot</at> {command} <at>{first}</at>";
        activity["from"] = new JsonObject { ["id"] = "29:" + fromAad, ["name"] = fromName, ["aadObjectId"] = fromAad };
        var mentioned = new JsonObject { ["id"] = "29:" + first.ToLowerInvariant() + "-teams-id", ["name"] = mentionedName };
        if (mentionedAad is not null)
        {
            mentioned["aadObjectId"] = mentionedAad;
        }

        activity["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{first}</at>", ["mentioned"] = mentioned });
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(activity)).StatusCode);
        await bot.Connector.WaitForAsync(r => channel.IsMine(r) && r.AllText.Contains(answer, StringComparison.Ordinal));
    }

    private static JsonElement FindInput(JsonElement card, string id) =>
        FindInputOrDefault(card, id) ?? throw new Xunit.Sdk.XunitException($"The card has no input '{id}'.");

    private static JsonElement? FindInputOrDefault(JsonElement element, string id) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("id", out var found) && found.GetString() == id => element,
        JsonValueKind.Object => element.EnumerateObject().Select(p => FindInputOrDefault(p.Value, id)).FirstOrDefault(e => e is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(e => FindInputOrDefault(e, id)).FirstOrDefault(e => e is not null),
        _ => null,
    };
}
