using ArtBot.Tests.Shared;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Impediments;
using ArtBot.Features.Impediments;
using static ArtBot.Tests.Shared.TestImpediments;

namespace ArtBot.IntegrationTests.Cards;

public sealed class ImpedimentCardTests
{
    private static readonly DateTimeOffset Now = RaisedAt.AddDays(3).AddHours(2);

    private static JsonElement Json(AdaptiveCard card) => card.ToJsonElement();

    private static string Text(JsonElement card) => CardText.Of(card);

    /// <summary>Every action anywhere in the card (top level, action sets, show cards).</summary>
    private static IEnumerable<JsonElement> AllActions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Action.", StringComparison.Ordinal) ? [element] : Array.Empty<JsonElement>())
            .Concat(element.EnumerateObject().SelectMany(p => AllActions(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllActions),
        _ => [],
    };

    public static IEnumerable<AdaptiveCard> EveryCard() => Named().Select(c => c.Card);

    /// <summary>Every impediment card variant by a readable name (also in <see cref="BotCards"/>).</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> Named()
    {
        var open = Open();
        yield return ("impediment-open", ImpedimentCard.Build(open, Now));
        yield return ("impediment-escalated-mitigated", ImpedimentCard.Build(open with { Owner = Megan, Roam = RoamStatus.Mitigated, EscalatedAt = Now, EscalatedBy = Alex }, Now, "Escalated."));
        yield return ("impediment-error-owner-picker", ImpedimentCard.Build(open, Now, "Several people changed it.", noticeIsError: true, ownerChoices: [Alex, Megan]));
        yield return ("impediment-resolved", ImpedimentCard.Build(Resolved(), Now));
        yield return ("impediment-risk-from-vote-concern", ImpedimentCard.Build(Open(ImpedimentKind.Risk) with { Source = ImpedimentSource.VoteConcern("v1", "c1") }, Now));
        yield return ("impediment-list", ImpedimentListCard.Build("Open impediments of this team", new ImpedimentList([open, Resolved()], 40), Now, "Nothing here."));
        yield return ("impediment-list-actionable", ImpedimentListCard.Build("Open impediments of this team", new ImpedimentList([open, Resolved()], 2), Now, "Nothing here.", actionable: true));
        yield return ("impediment-list-empty", ImpedimentListCard.Build("Open risks of this team", new ImpedimentList([], 0), Now, "No risks here."));
        yield return ("impediment-escalation", ConversationEscalation.Build(open, Megan, Now));
        yield return ("impediment-dialog-prefilled", ImpedimentDialog.Build(ImpedimentMessageExtension.Prefill(null, "Phoenix")));
        yield return ("impediment-dialog-with-error", ImpedimentDialog.Build(new ImpedimentDialog.Values("T", "D", "risk", "high", "Phoenix", "Lee Gu",
            "https://teams.microsoft.com/l/message/19:x@thread.tacv2/1", "1", "The title is too long.", true)));
    }

    [Fact]
    public async Task Every_impediment_card_parses_under_adaptive_cards_1_5_without_a_problem()
    {
        var cards = EveryCard().ToList();

        await CardValidator.AssertAllAcceptedAsync(cards);
    }

    [Fact]
    public void An_open_card_has_the_five_lifecycle_actions_each_naming_the_impediment()
    {
        var card = Json(ImpedimentCard.Build(Open(), Now));

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var top = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Take ownership", "Set owner", "ROAM", "Escalate", "Resolve"], top);
        var executes = AllActions(card).Where(a => a.GetProperty("type").GetString() == "Action.Execute").ToList();
        Assert.Equal(
            [ImpedimentCard.TakeVerb, ImpedimentCard.ChooseOwnerVerb, ImpedimentCard.RoamVerb, ImpedimentCard.EscalateVerb, ImpedimentCard.ResolveVerb],
            executes.Select(a => a.GetProperty("verb").GetString()));
        Assert.All(executes, a => Assert.Equal(Open().Id, a.GetProperty("data").GetProperty("impedimentId").GetString()));
    }

    [Fact]
    public void The_card_shows_owner_age_status_team_source_and_history()
    {
        var text = Text(Json(ImpedimentCard.Build(Open() with { Owner = Megan, Roam = RoamStatus.Owned }, Now)));

        Assert.Contains("Impediment \u00b7 High severity \u00b7 raised by Alex Wilber", text, StringComparison.Ordinal);
        Assert.Contains("Test environment down", text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", text, StringComparison.Ordinal);
        Assert.Contains("3 days", text, StringComparison.Ordinal);
        Assert.Contains("Owned", text, StringComparison.Ordinal);
        Assert.Contains("Phoenix", text, StringComparison.Ordinal);
        Assert.Contains("A message by Lee Gu", text, StringComparison.Ordinal);
        Assert.Contains("16 Nov 2026 09:00 UTC \u00b7 Alex Wilber raised it", text, StringComparison.Ordinal);
        var link = AllActions(Json(ImpedimentCard.Build(Open(), Now))).Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl");
        Assert.Equal("https://teams.microsoft.com/l/message/19:channel@thread.tacv2/1763631200456", link.GetProperty("url").GetString());
    }

    [Fact]
    public void A_resolved_card_offers_only_reopen_and_shows_the_note_and_lead_time()
    {
        var card = Json(ImpedimentCard.Build(Resolved(), Now));

        var executes = AllActions(card).Where(a => a.GetProperty("type").GetString() == "Action.Execute").ToList();
        Assert.Equal([ImpedimentCard.ReopenVerb], executes.Select(a => a.GetProperty("verb").GetString()));
        var text = Text(card);
        Assert.Contains("Resolution: Ops restarted the cluster", text, StringComparison.Ordinal);
        Assert.Contains("after 3 days", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_owner_picker_offers_the_people_and_carries_their_names()
    {
        var card = Json(ImpedimentCard.Build(Open(), Now, ownerChoices: [Alex, Megan]));

        var assign = AllActions(card).Single(a => a.TryGetProperty("verb", out var v) && v.GetString() == ImpedimentCard.SetOwnerVerb);
        Assert.Equal("Megan Bowen", assign.GetProperty("data").GetProperty("people").GetProperty("megan-aad").GetString());
        Assert.Contains("\"value\":\"megan-aad\"", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_is_shown_as_plain_text()
    {
        var text = Text(Json(ImpedimentCard.Build(Open() with { Title = "**bold** [x](https://evil.example)" }, Now)));

        Assert.Contains(@"\*\*bold\*\* \[x\]\(https://evil.example\)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_line_says_team_kind_severity_roam_owner_and_age()
    {
        var line = ImpedimentListCard.Line(Open(ImpedimentKind.Risk) with { Owner = Megan, Roam = RoamStatus.Mitigated, TeamName = null }, Now);
        var withTeam = ImpedimentListCard.Line(Open(ImpedimentKind.Risk) with { TeamName = "Rocket_1" }, Now);

        Assert.StartsWith("Rocket\\_1 \u00b7 Risk", withTeam, StringComparison.Ordinal);
        Assert.Equal("Risk \u00b7 High \u00b7 Mitigated \u00b7 owner Megan Bowen \u00b7 open 3 days", line);
        Assert.Contains("... and 38 more.", Text(Json(ImpedimentListCard.Build("h", new ImpedimentList([Open(), Open()], 40), Now, "none"))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dialog_is_prefilled_and_submits_the_source_message_id()
    {
        var values = new ImpedimentDialog.Values("Title", "Desc", "risk", "high", "Phoenix", "Lee Gu", "https://teams.microsoft.com/l/message/x/1", "1763631200456", null, false);
        var card = Json(ImpedimentDialog.Build(values));

        var submit = AllActions(card).Single(a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.Equal("1763631200456", submit.GetProperty("data").GetProperty("sourceMessageId").GetString());
        var raw = card.GetRawText();
        Assert.Contains("\"id\":\"kind\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"risk\"", raw, StringComparison.Ordinal);
        Assert.Contains("From a message by Lee Gu", Text(card), StringComparison.Ordinal);
    }
}
