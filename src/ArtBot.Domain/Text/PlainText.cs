using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ArtBot.Domain.Text;

/// <summary>
/// Text from people (commands, card inputs, Teams message bodies) made safe to show in cards: HTML removed,
/// whitespace tidied, and Teams' Markdown characters escaped so it shows exactly as typed.
/// </summary>
public static partial class PlainText
{
    /// <summary>One line: tags removed, entities decoded, whitespace and control characters collapsed to single spaces.</summary>
    public static string OneLine(string? text) =>
        Collapse(WebUtility.HtmlDecode(Tag().Replace(text ?? string.Empty, " ")));

    /// <summary>Whitespace and control characters collapsed to single spaces, trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// HTML (as Teams sends message bodies) to plain text: tags removed (block ends and &lt;br&gt; become line breaks,
    /// scripts and styles dropped with their content), entities decoded, spaces collapsed, at most one blank line.
    /// </summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = ScriptOrStyle().Replace(html, " ");
        text = LineBreakTag().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        var builder = new StringBuilder(text.Length);
        var blank = false;
        foreach (var line in text.Split('\n').Select(Collapse))
        {
            if (line.Length == 0)
            {
                blank = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank ? "\n\n" : "\n");
            }

            builder.Append(line);
            blank = false;
        }

        return builder.ToString();
    }

    /// <summary>Escapes the characters Teams' Markdown subset would interpret, so text shows as typed.</summary>
    public static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '~' or '>' or '<' or '!' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The text itself when it has at most <paramref name="max"/> characters, else its start and "…" in <paramref name="max"/>.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";

    /// <summary>The text <see cref="EscapeMarkdown"/> was given back (e.g. a stored, escaped text reused elsewhere).</summary>
    public static string UnescapeMarkdown(string text) => EscapedCharacter().Replace(text, "$1");

    [GeneratedRegex(@"\\([\\*_\[\]()#`~><!|])")]
    private static partial Regex EscapedCharacter();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\s*(br\s*/?|/\s*(p|div|li|h[1-6]|tr|blockquote))\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\s\p{Cc}]+")]
    private static partial Regex Whitespace();
}
