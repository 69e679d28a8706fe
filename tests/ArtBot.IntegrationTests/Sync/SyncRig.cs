using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtBot.IntegrationTests.Sync;

/// <summary>ARTs with team channels stored in the bot's storage, and schedulers on a clock the test controls.</summary>
internal sealed class SyncRig(BotHost bot)
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string RteAad = "rte-aad";

    public IArtStore Arts => bot.Services.GetRequiredService<IArtStore>();

    public ISyncStore Store => bot.Services.GetRequiredService<ISyncStore>();

    /// <summary>Stores an ART (home channel = summary channel) with <paramref name="teamCount"/> team channels on the recording connector (with Microsoft 365 group ids: <paramref name="withGroups"/>).</summary>
    public async Task<(Art Art, IReadOnlyList<ArtTeam> Teams)> CreateArtAsync(
        string zone, DayOfWeek day, string time, int teamCount, ProgramIncrement? pi = null, IReadOnlyList<DateOnly>? skipped = null,
        bool nameNonResponders = false, string tenantId = TenantId, bool withGroups = false)
    {
        var art = new Art
        {
            Id = "art-" + Guid.NewGuid().ToString("N")[..12],
            TenantId = tenantId,
            Name = "Rocket ART",
            HomeConversationId = TeamsPayloads.NewConversationId("channel"),
            ServiceUrl = bot.Connector.ServiceUrl,
            SummaryConversationId = "",
            CurrentPi = pi,
            Sync = new SyncSchedule(day, TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture), zone),
            Rtes = [new Person(RteAad, "Rita RTE")],
            NameNonResponders = nameNonResponders,
            SkippedDates = skipped ?? [],
            CreatedBy = new Person(RteAad, "Rita RTE"),
        };
        art = art with { SummaryConversationId = art.HomeConversationId };
        Assert.True(await Arts.CreateAsync(art, default));
        var teams = new List<ArtTeam>();
        for (var i = 0; i < teamCount; i++)
        {
            var team = new ArtTeam
            {
                TenantId = tenantId,
                ArtId = art.Id,
                ConversationId = TeamsPayloads.NewConversationId("channel"),
                TeamName = $"Team {i + 1:00}",
                ServiceUrl = bot.Connector.ServiceUrl,
                AadGroupId = withGroups ? $"group-{i + 1:00}" : null,
            };
            Assert.Equal(JoinResult.Joined, await Arts.JoinAsync(team, default));
            teams.Add(team);
        }

        return ((await Arts.GetAsync(tenantId, art.Id, default))!, teams);
    }

    /// <summary>A scheduler built from a host's services (its own table and connector clients) on <paramref name="clock"/>.</summary>
    /// <remarks>Each call is a new process run (a fresh <see cref="SyncOptions.RunId"/>); <paramref name="store"/> replaces the host's store, <paramref name="posted"/> its search for posts (none: the host's, Graph off).</remarks>
    public static SyncScheduler Scheduler(
        IServiceProvider services, TimeProvider clock, Action<SyncOptions>? configure = null, IPeopleDirectory? people = null, ISyncStore? store = null,
        IPostedMessages? posted = null)
    {
        var options = new SyncOptions { InstanceId = "test-" + Guid.NewGuid().ToString("N")[..6] };
        configure?.Invoke(options);
        var wrapped = Options.Create(options);
        people ??= services.GetRequiredService<IPeopleDirectory>();
        store ??= services.GetRequiredService<ISyncStore>();
        var interrupted = ActivatorUtilities.CreateInstance<InterruptedSends>(services, clock, wrapped, posted ?? services.GetRequiredService<IPostedMessages>());
        var fanOut = ActivatorUtilities.CreateInstance<SyncFanOut>(services, clock, wrapped, people, store, interrupted);
        var summaries = ActivatorUtilities.CreateInstance<SummaryPublisher>(services, clock, wrapped, people, store);
        return ActivatorUtilities.CreateInstance<SyncScheduler>(services, fanOut, summaries, clock, store);
    }

    /// <summary>Another instance of the bot on the same storage (its scheduler loop off; tests drive it).</summary>
    public static WebApplicationFactory<Program> SecondInstance(BotHost bot) =>
        bot.AnotherInstance(new Dictionary<string, string?> { ["Sync:SchedulerEnabled"] = "false" });

    public IReadOnlyList<RecordedRequest> PostsTo(string conversationId) =>
        [.. bot.Connector.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/v3/conversations/" + conversationId + "/activities", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> PostsToThreadOf(string conversationId) =>
        [.. bot.Connector.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/v3/conversations/" + conversationId + ";messageid=", StringComparison.Ordinal))];

    /// <summary>Posts an Action.Execute invoke in <paramref name="conversationId"/> (a thread of it); returns the parsed body.</summary>
    public async Task<JsonElement> InvokeAsync(string conversationId, string verb, JsonObject data, string userAad = "member-aad", string userName = "Megan Bowen", string? tenantId = null)
    {
        var activity = bot.Payload(TeamsPayloads.CardAction, conversationId);
        activity["from"] = new JsonObject { ["id"] = "29:" + userAad, ["name"] = userName, ["aadObjectId"] = userAad };
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
            activity["channelData"]!["tenant"]!["id"] = tenantId;
        }

        var response = await bot.PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Posts <c>@ArtBot {text}</c> in a channel as <paramref name="userAad"/>.</summary>
    public async Task CommandAsync(string conversationId, string text, string userAad = RteAad, string userName = "Rita RTE")
    {
        var activity = bot.Payload(TeamsPayloads.ChannelMention, conversationId);
        activity["text"] = "<at>ArtBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = "29:" + userAad, ["name"] = userName, ["aadObjectId"] = userAad };
        var response = await bot.PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public static JsonObject Answer(Art art, SyncOccurrence occurrence, string status, string? blocker = null, bool blockerNeedsHelp = false) => new()
    {
        ["artId"] = art.Id,
        ["occurrence"] = occurrence.Id,
        ["status"] = status,
        ["progress"] = "Login feature done",
        ["blocker1"] = blocker ?? "",
        ["blocker1Help"] = blockerNeedsHelp ? "true" : "false",
        ["milestones"] = "Demo Friday",
    };

    public static string CardText(JsonElement body)
    {
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        return string.Join("\n", RecordedRequest.Strings(body.GetProperty("value")));
    }

    public static string ErrorCode(JsonElement body)
    {
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("value").GetProperty("message").GetString()));
        return body.GetProperty("value").GetProperty("code").GetString()!;
    }
}

/// <summary>A people directory with fixed members per team channel and a fixed set of people out of office.</summary>
internal sealed class FakePeopleDirectory(IReadOnlyDictionary<string, TeamMember[]> members, IReadOnlySet<string> away) : IPeopleDirectory
{
    public bool UsesGraph => true;

    public Task<IReadOnlyList<TeamMember>> GetTeamMembersAsync(ArtTeam team, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TeamMember>>(members.GetValueOrDefault(team.ConversationId) ?? []);

    public Task<IReadOnlySet<string>> GetOutOfOfficeAsync(IEnumerable<string> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(userIds.Where(away.Contains).ToHashSet());
}
