using ArtBot.Tests.Shared;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Features.Help;

namespace ArtBot.IntegrationTests.Cards;

public sealed class BotCardTests
{
    /// <summary>Teams refuses messages over about 28 KB; a card must leave room for the rest of the activity.</summary>
    private const int MaxCardBytes = 28 * 1024;

    [Fact]
    public async Task Every_card_the_bot_builds_is_accepted_by_the_official_renderer_under_schema_1_5()
    {
        await CardValidator.AssertAllAcceptedAsync(BotCards.All.Values);
    }

    [Fact]
    public async Task The_renderer_check_reports_an_unknown_element_type()
    {
        var broken = Serialize(BotCards.All["help-personal"]);
        broken["body"]!.AsArray().Add(JsonNode.Parse("""{"type":"Carousel.Page.Bogus","items":[]}"""));
        var good = Serialize(BotCards.All["welcome-channel"]);

        var result = await CardValidator.ValidateAsync([good, broken]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("card 1: UnknownElementType", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("card 0:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_renderer_check_reports_invalid_values_and_a_version_above_1_5()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"x","size":"Enormous"}],
             "actions":[{"type":"Action.Bogus","title":"x"}]}
            """)!;

        var result = await CardValidator.ValidateAsync([card]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("VersionTooHigh", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("InvalidPropertyValue", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("UnknownActionType", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BotCards.Names), MemberType = typeof(BotCards))]
    public void Every_card_is_an_adaptive_card_1_5_with_the_schema_url(string name)
    {
        var json = Serialize(BotCards.All[name]).AsObject();

        Assert.Equal("AdaptiveCard", json["type"]!.GetValue<string>());
        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", json["$schema"]!.GetValue<string>());
        if (!name.Contains("-dialog", StringComparison.Ordinal))
        {
            Assert.Equal("Full", json["msteams"]!["width"]!.GetValue<string>()); // a dialog (task module) sets its own width
        }

        Assert.False(string.IsNullOrWhiteSpace(json["fallbackText"]?.GetValue<string>()));
        Assert.NotEmpty(json["body"]!.AsArray());
        Assert.Equal("type", json.First().Key);
    }

    [Theory]
    [MemberData(nameof(BotCards.Names), MemberType = typeof(BotCards))]
    public void Every_card_stays_well_under_the_Teams_message_size_limit(string name)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(BotCards.All[name], BotJsonContext.Default.AdaptiveCard);

        Assert.InRange(bytes.Length, 1, MaxCardBytes);
    }

    [Theory]
    [MemberData(nameof(BotCards.Names), MemberType = typeof(BotCards))]
    public void Every_card_becomes_an_adaptive_card_attachment(string name)
    {
        var attachment = BotCards.All[name].ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.True(JsonNode.DeepEquals(Serialize(BotCards.All[name]), JsonSerializer.SerializeToNode(attachment.Content!.Value)));
    }

    [Fact]
    public void An_unknown_command_is_echoed_short_and_without_markup()
    {
        var texts = Texts(BotCards.All["help-unknown-huge-markup-command"]);

        var echo = Assert.Single(texts, t => t.StartsWith("I don't know the command", StringComparison.Ordinal));
        var quoted = echo[(echo.IndexOf('"', StringComparison.Ordinal) + 1)..echo.LastIndexOf('"')];
        Assert.Equal(HelpCard.MaxEchoedCommandLength + 1, quoted.Length);
        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
        Assert.DoesNotContain(quoted, c => c is '*' or '_' or '[' or ']' or '<' or '>' or '`' || char.IsControl(c));
        static int Bytes(string name) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(BotCards.All[name], BotJsonContext.Default.AdaptiveCard));
        Assert.InRange(Bytes("help-unknown-huge-markup-command") - Bytes("help-unknown-command"), 0, 100);
    }

    [Fact]
    public void A_long_unknown_command_is_not_cut_inside_an_emoji()
    {
        var unknown = new string('a', HelpCard.MaxEchoedCommandLength - 1) + "😀😀";

        var texts = Texts(HelpCard.Build(AppCommands.All, ConversationTypes.Personal, unknown));

        var echo = Assert.Single(texts, t => t.StartsWith("I don't know the command", StringComparison.Ordinal));
        Assert.Contains($"\"{new string('a', HelpCard.MaxEchoedCommandLength - 1)}…\"", echo, StringComparison.Ordinal);
        Assert.DoesNotContain(echo, char.IsSurrogate);
    }

    [Fact]
    public void A_short_unknown_command_is_echoed_whole()
    {
        var texts = Texts(BotCards.All["help-unknown-command"]);

        Assert.Contains("I don't know the command \"frobnicate\". Here is what I understand.", texts);
    }

    [Theory]
    [InlineData("help-personal", "Type a command, e.g. **help**.")]
    [InlineData("help-no-conversation-type", "Type a command, e.g. **help**.")]
    [InlineData("help-channel", "In a channel or group chat, @mention me first, e.g. **@ArtBot help**.")]
    [InlineData("help-group-chat", "In a channel or group chat, @mention me first, e.g. **@ArtBot help**.")]
    public void Help_tells_how_to_address_the_bot_in_this_kind_of_conversation(string name, string expected)
    {
        Assert.Contains(expected, Texts(BotCards.All[name]));
    }

    [Fact]
    public void Help_lists_every_command_once_as_a_fact_grouped_by_ceremony_with_buttons_that_send_a_command()
    {
        var card = BotCards.All["help-personal"];

        var facts = card.Body.OfType<FactSet>().SelectMany(f => f.Facts).ToList();

        Assert.Equal(
            AppCommands.All.Select(c => (HelpCard.Displayed(c.Usage()), c.Description())).Order(),
            facts.Select(f => (f.Title, f.Value)).Order());
        Assert.Contains(facts, f => f.Title == "vote [anonymous] \u2039question\u203A");
        Assert.DoesNotContain(facts, f => f.Title.Contains('<', StringComparison.Ordinal));
        Assert.Equal(
            ["PI Planning", "ART sync and impediments", "Inspect & Adapt", "Your ART and this app"],
            card.Body.OfType<TextBlock>().Where(t => t.Style == "heading").Skip(1).Select(t => t.Text));
        var sent = card.Body.OfType<ActionSet>().SelectMany(a => a.Actions).OfType<SubmitAction>()
            .Select(a => a.Data!["msteams"]!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["vote", "objectives", "impediment", "impediments", "improvements", "art"], sent);
        Assert.All(sent, command => Assert.Contains(AppCommands.All, c => c.Name == command));
    }

    [Theory]
    [InlineData("welcome-personal", "your personal chat", "Type **help** to see what I can do.")]
    [InlineData("welcome-group-chat", "this group chat", "@mention me with **help** to see what I can do.")]
    [InlineData("welcome-channel", "the **Rocket Team** team", "@mention me with **help** to see what I can do.")]
    [InlineData("welcome-channel-without-team-name", "the **team** team", "@mention me with **help** to see what I can do.")]
    public void Welcome_names_where_it_was_added_and_how_to_ask_for_help(string name, string where, string howToAsk)
    {
        var texts = Texts(BotCards.All[name]);

        Assert.Contains(texts, t => t.Contains($"Thanks for adding me to {where}.", StringComparison.Ordinal));
        Assert.Contains(howToAsk, texts);
    }

    private static JsonNode Serialize(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard)!;

    private static List<string> Texts(AdaptiveCard card) => [.. card.Body.SelectMany(TextsIn)];

    private static IEnumerable<string> TextsIn(CardElement element) => element switch
    {
        TextBlock text => [text.Text],
        Container container => container.Items.SelectMany(TextsIn),
        _ => [],
    };

    [Fact]
    public void The_catalog_covers_every_static_card_builder_of_the_app()
    {
        var builders = typeof(ArtBot.Features.Help.HelpCard).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(ArtBot.BotFramework.Cards.AdaptiveCard))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(BotCards.Builders.Order(StringComparer.Ordinal), builders);
    }
}
