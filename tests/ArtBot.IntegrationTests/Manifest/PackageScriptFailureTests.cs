namespace ArtBot.IntegrationTests.Manifest;

/// <summary>Bad arguments make the package script fail loudly and write nothing; --check writes nothing either.</summary>
public sealed class PackageScriptFailureTests : IDisposable
{
    private const string Script = "manifest/scripts/package.mjs";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "artbot-manifest-" + Guid.NewGuid().ToString("N"));

    public PackageScriptFailureTests() => Directory.CreateDirectory(_folder);

    private string ZipPath => Path.Combine(_folder, "appPackage.zip");

    [Fact]
    public async Task Bad_app_id_fails_with_a_message_and_writes_no_zip()
    {
        var result = await NodeScript.RunAsync(Script, "--app-id", "not-a-guid", "--host", AppPackageFixture.Host, "--out", ZipPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--app-id 'not-a-guid' is not a GUID", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData("https://app-artbot.azurewebsites.net", "without scheme or path")]
    [InlineData("bad_host!", "is not a valid host name")]
    public async Task Bad_host_fails_with_a_message(string host, string message)
    {
        var result = await NodeScript.RunAsync(Script, "--app-id", AppPackageFixture.AppId, "--host", host, "--out", ZipPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task Version_that_is_not_semver_fails()
    {
        var result = await NodeScript.RunAsync(Script, "--app-id", AppPackageFixture.AppId, "--host", AppPackageFixture.Host, "--version", "1.0", "--out", ZipPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--version '1.0'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_mode_validates_with_dummy_values_and_writes_nothing()
    {
        var result = await NodeScript.RunAsync(Script, "--check", "--out", ZipPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("check passed", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
