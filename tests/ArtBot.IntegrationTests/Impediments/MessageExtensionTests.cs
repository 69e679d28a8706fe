using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Impediments;

/// <summary>The "Raise impediment" message extension: fetchTask and submitAction invokes with real Teams payloads.</summary>
[Collection(BotTests.Name)]
public sealed class MessageExtensionTests(BotHost bot)
{
    private readonly ImpedimentDriver _team = new(bot);

    private static JsonElement DialogCard(JsonElement body)
    {
        var task = body.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        var card = task.GetProperty("value").GetProperty("card");
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        return card.GetProperty("content");
    }

    private static string InputValue(JsonElement card, string id) =>
        Inputs(card).Single(i => i.GetProperty("id").GetString() == id).GetProperty("value").GetString()!;

    private static IEnumerable<JsonElement> Inputs(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal) ? [element] : Array.Empty<JsonElement>())
            .Concat(element.EnumerateObject().SelectMany(p => Inputs(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Inputs),
        _ => [],
    };

    private static string TaskMessage(JsonElement body)
    {
        var task = body.GetProperty("task");
        Assert.Equal("message", task.GetProperty("type").GetString());
        return task.GetProperty("value").GetString()!;
    }

    [Fact]
    public async Task FetchTask_from_a_message_opens_the_dialog_prefilled_without_html()
    {
        var activity = _team.MessageExtension(TeamsPayloads.FetchTaskMessage);

        var (status, body) = await _team.PostInvokeAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Raise impediment", body.GetProperty("task").GetProperty("value").GetProperty("title").GetString());
        var card = DialogCard(body);
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("The test environment has been down since Monday & we cannot deploy the PI 7 release candidate.", InputValue(card, "title"));
        var description = InputValue(card, "description");
        Assert.Contains("Ops ticket INC-4711 is still unassigned.", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
        Assert.Equal("impediment", InputValue(card, "kind"));
        Assert.Equal("medium", InputValue(card, "severity"));
        var raw = card.GetRawText();
        Assert.Contains("From a message by Lee Gu", raw, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/message/19:0a1b2c3d4e5f40718293a4b5c6d7e8f9@thread.tacv2/1763631200456", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchTask_for_a_message_without_a_body_opens_an_empty_dialog_with_a_notice()
    {
        var activity = _team.MessageExtension(TeamsPayloads.FetchTaskMessage);
        activity["value"]!["messagePayload"]!.AsObject().Remove("body");

        var (status, body) = await _team.PostInvokeAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = DialogCard(body);
        Assert.Equal("", InputValue(card, "title"));
        Assert.Contains("has no text", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchTask_from_the_compose_box_opens_an_empty_dialog()
    {
        var activity = _team.MessageExtension(TeamsPayloads.FetchTaskMessage);
        activity["value"]!["commandContext"] = "compose";
        activity["value"]!.AsObject().Remove("messagePayload");

        var (_, body) = await _team.PostInvokeAsync(activity);

        Assert.Equal("", InputValue(DialogCard(body), "title"));
    }

    [Fact]
    public async Task SubmitAction_stores_the_impediment_answers_at_once_and_posts_its_card_in_the_thread()
    {
        var activity = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        var messageId = activity["value"]!["messagePayload"]!["id"]!.GetValue<string>();

        var (status, body) = await _team.PostInvokeAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Impediment raised: \"Test environment down since Monday\"", TaskMessage(body), StringComparison.Ordinal);
        var posted = (await bot.Connector.WaitForAsync(r => _team.IsMine(r) && r.Method == "POST"))[0];
        Assert.Contains(";messageid=1763631200456", posted.Path, StringComparison.Ordinal);
        Assert.Contains("Test environment down since Monday", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("High severity", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Open the message", posted.AllText, StringComparison.Ordinal);

        var stored = Assert.Single((await _team.ListAsync(new ImpedimentQuery(null))).Items);
        Assert.Equal(Severity.High, stored.Severity);
        Assert.Equal("Phoenix", stored.TeamName);
        Assert.Equal(ImpedimentSourceKind.Message, stored.Source.Kind);
        Assert.Equal(messageId, stored.Source.ReferenceId);
        Assert.Equal("Lee Gu", stored.Source.AuthorName);
        Assert.StartsWith("https://teams.microsoft.com/l/message/", stored.Source.Url, StringComparison.Ordinal);
        Assert.Equal(ImpedimentIds.FromKey(ImpedimentDriver.TenantId, _team.TeamId, "message:" + messageId), stored.Id);
    }

    [Fact]
    public async Task The_same_message_submitted_twice_creates_one_impediment()
    {
        var activity = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        var again = JsonNode.Parse(activity.ToJsonString())!.AsObject();
        again["id"] = Guid.NewGuid().ToString("N"); // a second submit (another activity) of the same message

        var first = await _team.PostInvokeAsync(activity);
        var second = await _team.PostInvokeAsync(again);
        var redelivered = await _team.PostInvokeAsync(activity);

        Assert.Contains("raised", TaskMessage(first.Body), StringComparison.Ordinal);
        Assert.Contains("already raised", TaskMessage(second.Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, redelivered.Status);
        Assert.Equal(1, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);
        await bot.Connector.WaitForAsync(r => _team.IsMine(r) && r.Method == "POST");
        Assert.Single(bot.Connector.Requests, r => _team.IsMine(r) && r.Method == "POST" && r.Cards.Any());
    }

    [Fact]
    public async Task SubmitAction_from_the_compose_box_is_keyed_by_the_activity()
    {
        var activity = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        activity["value"]!["commandContext"] = "compose";
        activity["value"]!.AsObject().Remove("messagePayload");
        activity["value"]!["data"]!.AsObject().Remove("sourceMessageId");
        activity["value"]!["data"]!["kind"] = "risk";

        var (_, body) = await _team.PostInvokeAsync(activity);

        Assert.Contains("Risk raised", TaskMessage(body), StringComparison.Ordinal);
        var stored = Assert.Single((await _team.ListAsync(new ImpedimentQuery(ImpedimentKind.Risk))).Items);
        Assert.Equal(ImpedimentIds.FromKey(ImpedimentDriver.TenantId, _team.TeamId, "activity:" + activity["id"]!.GetValue<string>()), stored.Id);
    }

    [Theory]
    [InlineData("title", "", "Please give the impediment a title.")]
    [InlineData("description", "50k", "please keep it to 4000")]
    [InlineData("kind", "issue", "impediment or a risk")]
    [InlineData("severity", "urgent", "Choose a severity")]
    public async Task Invalid_dialog_input_reopens_the_dialog_with_the_reason_and_stores_nothing(string field, string value, string expected)
    {
        var activity = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        activity["value"]!["data"]![field] = value == "50k" ? new string('x', 50_000) : value;

        var (status, body) = await _team.PostInvokeAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = DialogCard(body);
        Assert.Contains(expected, card.GetRawText(), StringComparison.Ordinal);
        Assert.True(InputValue(card, "description").Length <= 4000);
        Assert.Equal(0, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);
    }

    [Fact]
    public async Task Html_and_script_submitted_in_the_dialog_are_stored_as_plain_text()
    {
        var activity = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        activity["value"]!["data"]!["title"] = "<img src=x onerror=alert(1)>Deploy <b>blocked</b>";
        activity["value"]!["data"]!["description"] = "<script>steal()</script>See ticket";

        await _team.PostInvokeAsync(activity);

        var stored = Assert.Single((await _team.ListAsync(new ImpedimentQuery(null))).Items);
        Assert.Equal("Deploy blocked", stored.Title);
        Assert.Equal("See ticket", stored.Description);
    }

    [Fact]
    public async Task A_malformed_value_is_a_400_and_an_unknown_command_a_message()
    {
        var malformed = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        malformed["value"] = "not an object";
        var unknown = _team.MessageExtension(TeamsPayloads.FetchTaskMessage);
        unknown["value"]!["commandId"] = "somethingElse";
        var noData = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        noData["value"]!.AsObject().Remove("data");

        var (malformedStatus, malformedBody) = await _team.PostInvokeAsync(malformed);
        var (unknownStatus, unknownBody) = await _team.PostInvokeAsync(unknown);
        var (noDataStatus, _) = await _team.PostInvokeAsync(noData);

        Assert.Equal(HttpStatusCode.BadRequest, malformedStatus);
        Assert.Equal("BadRequest", malformedBody.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, unknownStatus);
        Assert.Contains("somethingElse", TaskMessage(unknownBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noDataStatus);
        Assert.Equal(0, (await _team.ListAsync(new ImpedimentQuery(null, IncludeResolved: true))).Total);
    }

    [Fact]
    public async Task SubmitAction_answers_within_teams_five_seconds()
    {
        var activity = _team.MessageExtension(TeamsPayloads.SubmitActionMessage);
        var started = DateTime.UtcNow;

        var (status, _) = await _team.PostInvokeAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        await bot.Connector.WaitForAsync(r => _team.IsMine(r) && r.Method == "POST");
    }
}
