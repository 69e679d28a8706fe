using System.Text.RegularExpressions;
using ArtBot.Features.Common;

namespace ArtBot.IntegrationTests.Docs;

/// <summary>
/// A bot command as the docs show it (<c>pi start &lt;name&gt; [yyyy-MM-dd yyyy-MM-dd]</c>, <c>@ArtBot art bo add @Lynne</c>),
/// and the message a person would type for it: optional parts dropped, placeholders filled in, people @mentioned.
/// </summary>
public sealed partial record DocCommandExample(string Shown)
{
    /// <summary>The command as typed to the bot: without the leading <c>@ArtBot</c>.</summary>
    public string Command => Shown.StartsWith(BotMention, StringComparison.Ordinal) ? Shown[BotMention.Length..] : Shown;

    /// <summary>The command word (lower case), as the bot's router reads it.</summary>
    public string Word => CommandRouter.Split(Command).Word;

    /// <summary>The message text: optional parts dropped, a date or a sample word for each placeholder, people as mentions.</summary>
    public string Text => Mention().Replace(Filled, m => $"<at>{m.Groups[1].Value}</at>");

    /// <summary>The people the command @mentions.</summary>
    public IReadOnlyList<string> Mentioned => [.. Mention().Matches(Filled).Select(m => m.Groups[1].Value)];

    private const string BotMention = "@ArtBot ";

    private string Filled
    {
        get
        {
            var text = Optional().Replace(Command, "");
            text = DatePlaceholder().Replace(text, "2099-01-05");
            text = Placeholder().Replace(text, "Sample");
            return Spaces().Replace(text, " ").Trim();
        }
    }

    /// <summary>The doc examples of <paramref name="doc"/>: code spans naming one of <paramref name="words"/> first.</summary>
    public static IEnumerable<DocCommandExample> In(string doc, IReadOnlySet<string> words) =>
        RepoDocs.CodeSpans(doc).Select(span => new DocCommandExample(span)).Where(e => words.Contains(e.Word));

    public override string ToString() => Shown;

    [GeneratedRegex(@"\s*\[[^\]]*\]")]
    private static partial Regex Optional();

    [GeneratedRegex(@"<yyyy-MM-dd>")]
    private static partial Regex DatePlaceholder();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
