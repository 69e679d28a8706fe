namespace ArtBot.UnitTests.Manifest;

/// <summary>Finds the repository root (the folder holding ArtBot.sln) from the test's output folder.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ArtBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ArtBot.sln not found above {AppContext.BaseDirectory}");
    }
}
