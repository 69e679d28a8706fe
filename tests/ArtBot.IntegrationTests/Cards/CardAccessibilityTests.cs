using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArtBot.BotFramework.Schema;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Every card in every language the app speaks: accessible, accepted by the official renderer, small enough for Teams.</summary>
public sealed partial class CardAccessibilityTests
{
    private const int MaxCardBytes = 28 * 1024;

    public static TheoryData<string> Languages => ["en", "de", "fr", "es"];

    /// <summary>
    /// The accessibility rules, for every card in every language:
    /// <list type="number">
    /// <item>every <c>Input.*</c> has a non-empty <c>label</c> (screen readers announce it; a placeholder is not a label);
    /// an <c>Input.Toggle</c> may instead carry a non-empty <c>title</c>: renderers make its title the checkbox's own
    /// label element, and a separate label would repeat it visibly;</item>
    /// <item>every input with <c>isRequired: true</c> has a non-empty <c>errorMessage</c>;</item>
    /// <item>every <c>Image</c> has a non-empty <c>altText</c>;</item>
    /// <item>every action (buttons, show cards, select actions; not the invisible refresh) has a non-empty <c>title</c>;</item>
    /// <item>no state by colour alone: a TextBlock coloured Good, Attention or Warning must say its state in a word or a
    /// symbol, so its text must contain a letter or a symbol such as ✓ ✗ ⚠ — a text of only digits, punctuation,
    /// bullets and spaces (e.g. "3", "●", "· 80%") fails.</item>
    /// </list>
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_card_is_accessible(string language)
    {
        var problems = new List<string>();
        foreach (var (name, card) in BotCards.In(CultureInfo.GetCultureInfo(language)))
        {
            foreach (var (path, node) in CardJson.Typed(CardJson.Of(card)))
            {
                var type = CardJson.TypeOf(node);
                void Problem(string what) => problems.Add($"{name} {path} ({type}): {what}");
                if (type.StartsWith("Input.", StringComparison.Ordinal))
                {
                    if (string.IsNullOrWhiteSpace(CardJson.String(node, "label"))
                        && !(type == "Input.Toggle" && !string.IsNullOrWhiteSpace(CardJson.String(node, "title"))))
                    {
                        Problem("input without a label");
                    }

                    if (node["isRequired"] is { } required && required.GetValue<bool>() && string.IsNullOrWhiteSpace(CardJson.String(node, "errorMessage")))
                    {
                        Problem("required input without an errorMessage");
                    }
                }
                else if (type == "Image" && string.IsNullOrWhiteSpace(CardJson.String(node, "altText")))
                {
                    Problem("image without altText");
                }
                else if (type.StartsWith("Action.", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(CardJson.String(node, "title")))
                {
                    Problem("action without a title");
                }
                else if (type == "TextBlock" && CardJson.String(node, "color") is "Good" or "Attention" or "Warning"
                    && !SaysItsState(CardJson.String(node, "text") ?? ""))
                {
                    Problem($"colour {CardJson.String(node, "color")} alone tells the state of \"{CardJson.String(node, "text")}\"");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} accessibility problem(s) in {language}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_card_is_accepted_by_the_official_renderer_under_schema_1_5_in_every_language(string language)
    {
        await CardValidator.AssertAllAcceptedAsync(BotCards.In(CultureInfo.GetCultureInfo(language)).Values);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_card_stays_under_28_KB_in_every_language(string language)
    {
        var tooBig = BotCards.In(CultureInfo.GetCultureInfo(language))
            .Select(c => (c.Key, Bytes: Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(c.Value, BotJsonContext.Default.AdaptiveCard))))
            .Where(c => c.Bytes >= MaxCardBytes)
            .Select(c => $"{c.Key}: {c.Bytes} bytes")
            .ToList();

        Assert.True(tooBig.Count == 0, $"over 28 KB in {language}:\n" + string.Join("\n", tooBig));
    }

    [Fact]
    public void The_catalog_has_inputs_required_inputs_actions_and_coloured_texts_to_check()
    {
        var types = BotCards.All.Values.SelectMany(c => CardJson.Typed(CardJson.Of(c))).ToList();

        Assert.Contains(types, t => CardJson.TypeOf(t.Node).StartsWith("Input.", StringComparison.Ordinal) && t.Node["isRequired"] is not null);
        Assert.Contains(types, t => CardJson.TypeOf(t.Node) == "Input.Toggle");
        Assert.Contains(types, t => CardJson.TypeOf(t.Node) == "Action.ShowCard");
        Assert.Contains(types, t => CardJson.TypeOf(t.Node) == "TextBlock" && CardJson.String(t.Node, "color") is "Good" or "Attention" or "Warning");
    }

    [Theory]
    [InlineData("Blocked", true)]
    [InlineData("✓ 3", true)]
    [InlineData("⚠", true)]
    [InlineData("3", false)]
    [InlineData(" · 80 %", false)]
    [InlineData("●", false)]
    [InlineData("", false)]
    public void A_coloured_text_must_say_its_state_in_a_word_or_a_symbol(string text, bool says)
    {
        Assert.Equal(says, SaysItsState(text));
    }

    /// <summary>A letter, or a symbol that names a state (check, cross, warning ...), not only digits, punctuation, bullets and spaces.</summary>
    internal static bool SaysItsState(string text) => StateWord().IsMatch(text);

    [GeneratedRegex(@"[\p{L}✓✔✗✘✕❌⚠❗‼⛔🚫🟢🔴🟡🟠✅]")]
    private static partial Regex StateWord();
}
