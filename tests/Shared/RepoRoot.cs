
namespace ArtBot.Tests.Shared;

/// <summary>The repository root (the folder holding ArtBot.sln), found once from the test's output folder.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Azurite.FindRepositoryRoot);

    public static string Path => Root.Value;
}
