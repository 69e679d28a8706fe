using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>
/// An ART stored for a replay, on the host's real clock: its channel (Home), two team channels (Rocket, Comet), an RTE
/// and a Business Owner, and a PI of six two-week iterations whose last one is running, with the objectives reopened:
/// objectives can be edited, valued and given actual values, dependencies committed to any iteration.
/// </summary>
internal sealed record ReplayArt(Art Art, VoteDriver Home, VoteDriver Rocket, VoteDriver Comet, ArtTeam RocketTeam, ArtTeam CometTeam)
{
    public const string Rte = "rte-aad";
    public const string BusinessOwner = "bo-aad";
    public const string Member = "member-aad";
    public const string CometMember = "comet-aad";

    public static async Task<ReplayArt> CreateAsync(BotHost bot, string tenantId = VoteDriver.TenantId, string name = "Replay ART")
    {
        var store = bot.Services.GetRequiredService<IArtStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-73);
        var home = new VoteDriver(bot);
        var art = new Art
        {
            Id = Guid.NewGuid().ToString("N")[..24],
            TenantId = tenantId,
            Name = name + " " + Guid.NewGuid().ToString("N")[..6],
            HomeConversationId = home.ConversationId,
            ServiceUrl = bot.Connector.ServiceUrl,
            SummaryConversationId = home.ConversationId,
            CurrentPi = new ProgramIncrement("PI Replay", start, start.AddDays(83)),
            ObjectivesReopenedFor = "PI Replay",
            Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC"),
            Rtes = [new Person(Rte, "Riley RTE")],
            BusinessOwners = [new Person(BusinessOwner, "Lynne Robbins")],
            CreatedBy = new Person(Rte, "Riley RTE"),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True(await store.CreateAsync(art, default));
        var rocket = new VoteDriver(bot);
        var comet = new VoteDriver(bot);
        var rocketTeam = Team(art, rocket, "Rocket", bot);
        var cometTeam = Team(art, comet, "Comet", bot);
        Assert.Equal(JoinResult.Joined, await store.JoinAsync(rocketTeam, default));
        Assert.Equal(JoinResult.Joined, await store.JoinAsync(cometTeam, default));
        return new ReplayArt((await store.GetAsync(tenantId, art.Id, default))!, home, rocket, comet, rocketTeam, cometTeam);
    }

    /// <summary>The live values the planning payloads name.</summary>
    public Dictionary<string, string> Bindings() => new()
    {
        ["artId"] = Art.Id,
        ["home"] = Home.ConversationId,
        ["rocket"] = Rocket.ConversationId,
        ["comet"] = Comet.ConversationId,
    };

    private static ArtTeam Team(Art art, VoteDriver channel, string name, BotHost bot) => new()
    {
        TenantId = art.TenantId,
        ArtId = art.Id,
        ConversationId = channel.ConversationId,
        TeamName = name,
        ServiceUrl = bot.Connector.ServiceUrl,
    };
}
