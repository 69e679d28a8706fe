using System.Collections.Concurrent;
using ArtBot.Tests.Shared;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArtBot.IntegrationTests.Docs;

/// <summary>
/// The repository's Markdown documentation, read as CommonMark with GitHub's tables and heading ids (Markdig): its code
/// spans, command tables, shell commands and links. Paths are relative to the repository root, with '/'.
/// </summary>
public static class RepoDocs
{
    /// <summary>The front door and its command guide: where the bot's commands are shown.</summary>
    public static readonly IReadOnlyList<string> CommandDocs = ["README.md", "docs/commands.md"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly ConcurrentDictionary<string, MarkdownDocument> Parsed = new(StringComparer.Ordinal);

    /// <summary>README.md, every docs/*.md and infra/README.md (the deployment's commands).</summary>
    public static IReadOnlyList<string> All =>
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(RepoRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => "docs/" + Path.GetFileName(f)),
        "infra/README.md",
    ];

    public static string FullPath(string doc) => Path.Combine(RepoRoot.Path, doc.Replace('/', Path.DirectorySeparatorChar));

    public static MarkdownDocument Parse(string doc) =>
        Parsed.GetOrAdd(doc, d => Markdown.Parse(File.ReadAllText(FullPath(d)), Pipeline));

    /// <summary>Every inline code span, in order.</summary>
    public static IEnumerable<string> CodeSpans(string doc) => Parse(doc).Descendants<CodeInline>().Select(c => c.Content);

    /// <summary>The code spans in the first column of every table headed "Command".</summary>
    public static IEnumerable<string> CommandColumnSpans(string doc) =>
        from table in Parse(doc).Descendants<Table>()
        let rows = table.OfType<TableRow>().ToList()
        where rows.Count > 0 && rows[0].IsHeader && CellText(rows[0]).Equals("Command", StringComparison.Ordinal)
        from row in rows.Skip(1)
        from code in ((TableCell)row[0]).Descendants<CodeInline>()
        select code.Content;

    /// <summary>The lines of every fenced block marked bash or sh, continuation lines joined.</summary>
    public static IEnumerable<string> ShellBlockLines(string doc)
    {
        foreach (var block in Parse(doc).Descendants<FencedCodeBlock>().Where(b => b.Info is "bash" or "sh" or "shell"))
        {
            var pending = "";
            foreach (var line in block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()))
            {
                if (line.EndsWith('\\'))
                {
                    pending += line[..^1] + " ";
                    continue;
                }

                yield return pending + line;
                pending = "";
            }
        }
    }

    /// <summary>Every link and image target, as written.</summary>
    public static IEnumerable<string> LinkTargets(string doc) =>
        Parse(doc).Descendants<LinkInline>().Select(l => l.Url ?? "");

    /// <summary>The ids GitHub gives the document's headings (the anchors a link may name).</summary>
    public static IReadOnlySet<string> HeadingIds(string doc) =>
        Parse(doc).Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static string CellText(TableRow row) =>
        string.Concat(((TableCell)row[0]).Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
}
