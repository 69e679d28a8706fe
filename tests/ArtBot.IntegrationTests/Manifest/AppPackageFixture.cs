using System.IO.Compression;

namespace ArtBot.IntegrationTests.Manifest;

/// <summary>Runs the package script once into a temporary folder and keeps the zip's entries.</summary>
public sealed class AppPackageFixture : IAsyncLifetime
{
    public const string AppId = "3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f";
    public const string TeamsAppId = "6d1c2b3a-4f5e-4a6b-9c8d-7e6f5a4b3c2d";
    public const string Host = "app-artbot-test.azurewebsites.net";
    public const string Version = "1.4.2";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "artbot-manifest-" + Guid.NewGuid().ToString("N"));

    internal ScriptResult Result { get; private set; } = new(-1, "", "");

    internal IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = new Dictionary<string, byte[]>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var zipPath = Path.Combine(_folder, "appPackage.zip");
        Result = await NodeScript.RunAsync(
            "manifest/scripts/package.mjs",
            "--app-id", AppId, "--teams-app-id", TeamsAppId, "--host", Host, "--version", Version, "--out", zipPath);
        if (Result.ExitCode != 0 || !File.Exists(zipPath))
        {
            return;
        }

        using var zip = ZipFile.OpenRead(zipPath);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        Entries = entries;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
