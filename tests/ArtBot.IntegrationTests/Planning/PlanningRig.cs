using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Features.Dependencies;
using ArtBot.Features.Objectives;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Planning;

/// <summary>
/// An ART set up through /api/messages on a bot instance whose clock the test controls: an RTE in the ART's channel,
/// two team channels (Rocket and Comet) joined, a Business Owner named with <c>art bo add @person</c>, and PI 2027.1
/// (4 Jan to 28 Mar 2027: six two-week iterations, the last one IP, from 15 Mar).
/// </summary>
internal sealed class PlanningRig : IAsyncDisposable
{
    public const string RteAad = "rte-aad";
    public const string BoAad = "bo-aad";
    public const string MemberAad = "member-aad";
    public static readonly DateTimeOffset BeforePi = new(2027, 1, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset InLastIteration = new(2027, 3, 16, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;

    private PlanningRig(BotHost bot, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        Bot = bot;
        Clock = clock;
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Sync:SchedulerEnabled"] = "false" };
        _factory = bot.AnotherInstance(all)
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                services?.Invoke(s);
            }));
        var client = _factory.CreateClient();
        Client = client;

        // The bot checks token lifetimes on its clock, which is the test's: tokens are minted on it too.
        string Token() => bot.Tokens.CreateToken(BotHost.AppId, bot.Connector.ServiceUrl, o =>
        {
            o.IssuedAt = o.NotBefore = clock.GetUtcNow().AddMinutes(-1);
            o.Expires = clock.GetUtcNow().AddHours(1);
        });
        Home = new VoteDriver(bot, client) { Token = Token };
        Rocket = new VoteDriver(bot, client) { Token = Token };
        Comet = new VoteDriver(bot, client) { Token = Token };
    }

    public BotHost Bot { get; }
    /// <summary>This instance's HTTP client (the ART room API is on it too).</summary>
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;
    public FakeTimeProvider Clock { get; }

    /// <summary>The same clock, counting the timers waiting on it (to move time only once a delay is waiting).</summary>
    public TimerCountingTimeProvider Timers => (TimerCountingTimeProvider)Clock;
    public VoteDriver Home { get; }
    public VoteDriver Rocket { get; }
    public VoteDriver Comet { get; }
    public Art Art { get; private set; } = null!;

    public IPlanStore<PiObjective> Objectives => _factory.Services.GetRequiredService<IPlanStore<PiObjective>>();
    public IPlanStore<Dependency> Dependencies => _factory.Services.GetRequiredService<IPlanStore<Dependency>>();

    public static async Task<PlanningRig> StartAsync(
        BotHost bot, bool withBusinessOwner = true, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var rig = new PlanningRig(bot, new TimerCountingTimeProvider(BeforePi), settings, services);
        await BotHost.WaitUntilReadyAsync(rig._factory);
        await rig.Home.CommandAsync("art setup", RteAad, "Riley RTE");
        var form = new JsonObject
        {
            ["artName"] = "Planning ART " + Guid.NewGuid().ToString("N")[..6], ["piName"] = "PI 2027.1", ["piStart"] = "2027-01-04", ["piEnd"] = "2027-03-28",
            ["syncDay"] = "Wednesday", ["syncTime"] = "10:00", ["timeZone"] = "UTC", ["promptLead"] = "1440", ["reminderLead"] = "120",
            ["summaryChannel"] = rig.Home.ConversationId,
        };
        var (status, saved) = await rig.Home.InvokeAsync("art.save", form, RteAad, "Riley RTE");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ART set up", VoteDriver.CardText(saved), StringComparison.Ordinal);
        var arts = bot.Services.GetRequiredService<IArtStore>();
        rig.Art = (await arts.FindByConversationAsync(VoteDriver.TenantId, rig.Home.ConversationId, default))!.Art;
        await rig.JoinAsync(rig.Rocket, "Rocket");
        await rig.JoinAsync(rig.Comet, "Comet");
        if (withBusinessOwner)
        {
            var added = await rig.Home.CommandAsync("art bo add <at>Lynne Robbins</at>", RteAad, "Riley RTE", a => a["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Lynne Robbins</at>",
                ["mentioned"] = new JsonObject { ["id"] = "29:" + BoAad, ["name"] = "Lynne Robbins", ["aadObjectId"] = BoAad },
            }));
            Assert.Contains("Lynne Robbins is now a Business Owner", added.AllText, StringComparison.Ordinal);
        }

        return rig;
    }

    private async Task JoinAsync(VoteDriver team, string name)
    {
        var joined = await team.CommandAsync("art join " + name, MemberAad, "Megan Bowen");
        if (!joined.AllText.Contains($"joined {Art.Name}", StringComparison.Ordinal))
        {
            // Other tests' ARTs share the tenant: the bot asked which ART to join.
            var (_, body) = await team.InvokeAsync("art.join", new JsonObject { ["artId"] = Art.Id, ["teamName"] = name }, MemberAad, "Megan Bowen");
            Assert.Contains($"joined {Art.Name}", VoteDriver.CardText(body), StringComparison.Ordinal);
        }
    }

    /// <summary>Adds an objective from the team's card (as a team member); returns its id and the card text.</summary>
    public async Task<(string Id, string Card)> AddObjectiveAsync(VoteDriver team, string text, bool stretch = false, string? activityId = null)
    {
        var (status, body) = await team.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
        {
            ["team"] = team.ConversationId,
            [ObjectiveAddData.TextInput] = text,
            [ObjectiveAddData.StretchInput] = stretch ? "true" : "false",
        }, MemberAad, "Megan Bowen", customize: activityId is null ? null : a => a["id"] = activityId);
        Assert.Equal(HttpStatusCode.OK, status);
        var card = VoteDriver.CardText(body);
        var id = (await Objectives.ListAsync(Art.TenantId, Art.Id, default)).Single(o => o.Text == text && o.TeamConversationId == team.ConversationId).Id;
        return (id, card);
    }

    /// <summary>Sets an objective's planned or actual value from <paramref name="where"/>'s card, as <paramref name="userAad"/>.</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body)> SetValueAsync(
        VoteDriver where, VoteDriver team, string objectiveId, string verb, string value, string userAad = BoAad, string? seen = null)
    {
        var data = new JsonObject { ["team"] = team.ConversationId, ["id"] = objectiveId, [ObjectiveValueData.ValueInput(objectiveId)] = value };
        if (seen is not null)
        {
            data["seen"] = seen;
        }

        return where.InvokeAsync(verb, data, userAad, userAad == BoAad ? "Lynne Robbins" : "Someone");
    }

    /// <summary>Requests a dependency from Rocket's channel on Comet; returns its id and the answer's card text.</summary>
    public async Task<(string Id, string Card)> RequestDependencyAsync(string text, int neededBy, string? objectiveId = null)
    {
        var form = await Rocket.CommandAsync("dependency " + text, MemberAad, "Megan Bowen");
        Assert.Contains("Request a dependency", form.AllText, StringComparison.Ordinal);
        var (status, body) = await Rocket.InvokeAsync(DependencyCard.CreateVerb, new JsonObject
        {
            ["team"] = Rocket.ConversationId,
            [DependencyCreateData.TextInput] = text,
            [DependencyCreateData.ProviderInput] = Comet.ConversationId,
            [DependencyCreateData.NeededByInput] = neededBy.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [DependencyCreateData.ObjectiveInput] = objectiveId ?? DependencyFormCard.NoObjective,
        }, MemberAad, "Megan Bowen");
        Assert.Equal(HttpStatusCode.OK, status);
        var id = (await Dependencies.ListAsync(Art.TenantId, Art.Id, default)).Single(d => d.Text == text).Id;
        return (id, VoteDriver.CardText(body));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
