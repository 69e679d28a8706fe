using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Docs;

/// <summary>
/// Every relative link and image of README.md, docs/*.md and infra/README.md leads to a file or folder of the repository,
/// and a link to a heading (<c>#anchor</c>) to one that exists, as GitHub names it.
/// </summary>
public sealed class DocLinkTests
{
    public static TheoryData<string> Docs()
    {
        var data = new TheoryData<string>();
        foreach (var doc in RepoDocs.All)
        {
            data.Add(doc);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_relative_link_resolves(string doc)
    {
        var broken = RepoDocs.LinkTargets(doc).Where(IsRelative).Where(target => ProblemOf(doc, target) is not null)
            .Select(target => $"{doc}: {target}: {ProblemOf(doc, target)}").ToList();

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Fact]
    public void The_readme_links_every_page_of_the_docs()
    {
        var linked = RepoDocs.LinkTargets("README.md").Select(t => t.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        var unlinked = RepoDocs.All.Where(d => d.StartsWith("docs/", StringComparison.Ordinal) && !linked.Contains(d)).ToList();

        Assert.Empty(unlinked);
    }

    private static bool IsRelative(string target) =>
        target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal);

    private static string? ProblemOf(string doc, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var linked = path.Length == 0 ? doc : Relative(Path.Combine(Path.GetDirectoryName(RepoDocs.FullPath(doc))!, path));
        var full = RepoDocs.FullPath(linked);
        if (linked.StartsWith("..", StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
        {
            return "no such file in the repository";
        }

        if (anchor is null || !linked.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        return RepoDocs.HeadingIds(linked).Contains(anchor) ? null : $"{linked} has no heading #{anchor}";
    }

    private static string Relative(string fullPath) => Path.GetRelativePath(RepoRoot.Path, Path.GetFullPath(fullPath)).Replace('\\', '/');
}
