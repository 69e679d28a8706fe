using System.Text;
using System.Text.RegularExpressions;

namespace ArtBot.IntegrationTests.Docs;

/// <summary>
/// One simple command of a shell line in the docs (<c>a &amp;&amp; b</c> is two), split into words as the shell would
/// (quotes removed, comments and environment assignments dropped), with the folder it runs in (after a <c>cd</c>).
/// </summary>
public sealed partial record ShellCommand(string Doc, string Line, string Folder, IReadOnlyList<string> Words)
{
    private static readonly string[] Programs = ["bash", "dotnet", "node", "npm", "python3"];

    public string Program => Words[0];

    public IEnumerable<string> Arguments => Words.Skip(1);

    public override string ToString() => $"{Doc}: {Line.Trim()}";

    /// <summary>The commands of <paramref name="doc"/>: its bash blocks, and code spans that start with a program the docs run.</summary>
    public static IEnumerable<ShellCommand> In(string doc)
    {
        var spans = RepoDocs.CodeSpans(doc).Where(span => Programs.Contains(SplitWords(span).SkipWhile(IsAssignment).FirstOrDefault()));
        return RepoDocs.ShellBlockLines(doc).Concat(spans).SelectMany(line => Parse(doc, line));
    }

    /// <summary>The simple commands of one line, each in the folder the line's earlier <c>cd</c> left it in.</summary>
    public static IEnumerable<ShellCommand> Parse(string doc, string line)
    {
        var folder = "";
        foreach (var part in Separator().Split(StripComment(line)))
        {
            var words = SplitWords(part.Trim().Trim('(', ')')).SkipWhile(IsAssignment).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            if (words is ["cd", var to])
            {
                folder = Path.Combine(folder, to).Replace('\\', '/');
                continue;
            }

            yield return new ShellCommand(doc, line, folder, words);
        }
    }

    private static bool IsAssignment(string word) => Assignment().IsMatch(word);

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        var inWord = false;
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"&&|\|\||;|\|")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();
}
