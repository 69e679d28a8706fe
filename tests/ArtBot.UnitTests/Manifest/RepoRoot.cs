using ArtBot.Tests.Shared;

namespace ArtBot.UnitTests.Manifest;

/// <summary>The repository root (the folder holding ArtBot.sln), found once from the test's output folder.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Azurite.FindRepositoryRoot);

    public static string Path => Root.Value;
}
