namespace ArtBot.Tests.Shared;

/// <summary>
/// xunit class or collection fixture: the process-wide Azurite (started once, shared by every test class, so tests
/// must use their own tables: <see cref="NewTableName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _instance;

    public AzuriteInstance Instance => _instance ?? throw new InvalidOperationException("The Azurite fixture is not initialized.");

    public string ConnectionString => Instance.ConnectionString;

    public int Port => Instance.Port;

    public static string NewTableName(string prefix) => Azurite.NewTableName(prefix);

    public async Task InitializeAsync() => _instance = await Azurite.SharedAsync().ConfigureAwait(false);

    /// <summary>The shared instance outlives one test class; it is killed when the test process exits.</summary>
    public Task DisposeAsync() => Task.CompletedTask;
}
