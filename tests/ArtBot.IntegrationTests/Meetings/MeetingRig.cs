using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Room;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Meetings;

/// <summary>
/// A PI Planning meeting of the planning rig's ART: a channel meeting of the ART's channel (its chat is the channel's
/// meeting thread), Teams' meeting APIs answered by the recording connector (details, each person's role), the
/// channel's roster, and Teams SSO tokens from the local Entra-like issuer for the meeting pages' API.
/// </summary>
internal sealed class MeetingRig : IAsyncDisposable
{
    public const string TeamsAppId = "4d1c2b3a-0000-4000-8000-00000000a001";
    public const string PublicUrl = "https://artbot.example.com";
    public const string Organizer = "00000000-0000-0000-0000-00000000e001";
    public const string Presenter = "00000000-0000-0000-0000-00000000e002";
    public static readonly TimeSpan ConcernPromptDelay = TimeSpan.FromSeconds(7);

    private MeetingRig(PlanningRig planning, EntraIssuer issuer, string chatId)
    {
        Planning = planning;
        Issuer = issuer;
        ChatId = chatId;
    }

    public PlanningRig Planning { get; }
    public EntraIssuer Issuer { get; }
    public BotHost Bot => Planning.Bot;
    public RecordingConnector Connector => Planning.Bot.Connector;
    public string MeetingId { get; } = "MCMxOTptZWV0aW5n" + Guid.NewGuid().ToString("N");
    public string ChatId { get; }

    /// <summary>Attendees of the meeting, members of the channel: voters.</summary>
    public IReadOnlyList<string> Attendees { get; } = [.. Enumerable.Range(1, 14).Select(i => $"00000000-0000-0000-0000-0000000a{i:D4}")];

    public static async Task<MeetingRig> StartAsync(BotHost bot, bool teamMeeting = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var issuer = await EntraIssuer.StartAsync(bot);
        var all = new Dictionary<string, string?>(issuer.Settings)
        {
            ["Meetings:TeamsAppId"] = TeamsAppId,
            ["Meetings:PublicUrl"] = PublicUrl,
            ["Meetings:ConcernPromptDelay"] = "00:00:07", // unlike any other delay: the test waits for exactly this timer
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var planning = await PlanningRig.StartAsync(bot, withBusinessOwner: false, settings: all);
        issuer.Clock = planning.Clock;
        var channel = teamMeeting ? planning.Rocket.ConversationId : planning.Home.ConversationId;
        var rig = new MeetingRig(planning, issuer, channel + ";messageid=1700000000001");
        rig.AnswerTeams(channel);
        return rig;
    }

    /// <summary>What Teams answers about this meeting (the documented payloads): its details, each person's role, the channel's roster.</summary>
    private void AnswerTeams(string channel)
    {
        Teams = Connector.AddMeeting(MeetingId, ChatId, channelMeeting: true);
        Teams.Title = "PI Planning day 2";
        Teams.Add("29:" + Organizer, "Organizer", aadObjectId: Organizer);
        Teams.Add("29:" + Presenter, "Presenter", aadObjectId: Presenter);
        foreach (var attendee in Attendees)
        {
            Teams.Add("29:" + attendee, "Attendee", aadObjectId: attendee);
        }

        var members = new JsonArray();
        foreach (var person in Attendees.Append(Organizer).Append(Presenter))
        {
            members.Add(new JsonObject { ["id"] = "29:" + person, ["aadObjectId"] = person, ["name"] = "Person " + person[^4..] });
        }

        Connector.Answers[$"/v3/conversations/{channel}/pagedmembers"] = new JsonObject { ["members"] = members }.ToJsonString();
    }

    /// <summary>The meeting as the connector stand-in answers for it (switches for Teams' refusals).</summary>
    public MeetingStandIn Teams { get; private set; } = null!;

    public Task<HttpResponseMessage> GetAsync(string path, string? person, string? etag = null)
    {
        var request = EntraIssuer.Get(path, person is null ? null : Issuer.Token(VoteDriver.TenantId, person));
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return Planning.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string person)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Token(VoteDriver.TenantId, person));
        return Planning.Client.SendAsync(request);
    }

    public async Task<JsonElement> ContextAsync(string person)
    {
        using var response = await GetAsync($"/api/meeting/context?meeting={Uri.EscapeDataString(MeetingId)}&chat={Uri.EscapeDataString(ChatId)}", person);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonOf(response);
    }

    /// <summary>Starts a vote from the side panel; the answer and its status.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> StartVoteAsync(string person, string scope = "art", string? team = null, bool anonymous = false, bool hideResults = false, int? minutes = null)
    {
        using var response = await PostAsync("/api/meeting/votes", new { meeting = MeetingId, chat = ChatId, scope, team, anonymous, hideResults, minutes }, person);
        return (response.StatusCode, await JsonOf(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> BallotAsync(string voteId, int value, string person)
    {
        using var response = await PostAsync($"/api/meeting/votes/{voteId}/ballot", new { value }, person);
        return (response.StatusCode, await JsonOf(response));
    }

    /// <summary>
    /// Sends one of Microsoft's documented meeting events (<see cref="MeetingPayloads"/>) through /api/messages, addressed
    /// to this rig's tenant, meeting, chat and connector; <paramref name="value"/> replaces its value when given.
    /// </summary>
    public async Task SendEventAsync(string fixture, JsonObject? value = null)
    {
        var activity = MeetingPayloads.Load(fixture);
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["serviceUrl"] = Connector.ServiceUrl;
        activity["conversation"]!["id"] = ChatId;
        activity["conversation"]!["tenantId"] = VoteDriver.TenantId;
        activity["channelData"]!["tenant"]!["id"] = VoteDriver.TenantId;
        activity["channelData"]!["meeting"]!["id"] = MeetingId;
        if (activity["value"] is JsonObject documented && documented.ContainsKey("Id"))
        {
            documented["Id"] = MeetingId;
        }

        if (value is not null)
        {
            activity["value"] = value.DeepClone();
        }

        var response = await Bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Planning.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
