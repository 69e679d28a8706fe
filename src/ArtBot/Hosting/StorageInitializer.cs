using Azure.Data.Tables;

namespace ArtBot.Hosting;

/// <summary>
/// Creates the bot's tables at start-up, retrying with back-off while storage is not reachable yet
/// (readiness reports unhealthy until then; the process does not crash).
/// </summary>
public sealed partial class StorageInitializer(
    TableServiceClient tables, IEnumerable<RequiredTable> required, TimeProvider time, ILogger<StorageInitializer> logger) : BackgroundService
{
    /// <summary>Every table the bot uses (each feature registers its own <see cref="RequiredTable"/>s).</summary>
    public IReadOnlyList<string> Tables { get; } = [.. required.Select(t => t.Name).Distinct(StringComparer.Ordinal)];

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes once every table exists (or is cancelled with <paramref name="cancellationToken"/>).</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(Tables.Select(table => tables.CreateTableIfNotExistsAsync(table, stoppingToken)));
                _ready.TrySetResult();
                LogReady(Tables.Count);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogNotReady(exception, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Count} tables")]
    private partial void LogReady(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not reachable yet; retrying in {Seconds} s")]
    private partial void LogNotReady(Exception exception, double seconds);
}
