using ArtBot.Features.Common;
using ArtBot.Features.Sync;
using ArtBot.Hosting;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Demos;

/// <summary>
/// Runs <see cref="DemoScheduler.TickAsync"/> every <see cref="SyncOptions.TickInterval"/>, and at once when nudged (a
/// demo moved, settings changed, a meeting linked). Off with the sync scheduler (<see cref="SyncOptions.SchedulerEnabled"/>).
/// </summary>
public sealed partial class DemoSchedulerService(
    DemoScheduler scheduler, StorageInitializer storage, IOptions<SyncOptions> options, TimeProvider time, ILogger<DemoSchedulerService> logger)
    : TickingService(storage, time)
{
    protected override TimeSpan? Interval => options.Value.SchedulerEnabled ? options.Value.TickInterval : null;

    protected override Task TickAsync(CancellationToken cancellationToken) => scheduler.TickAsync(cancellationToken);

    protected override void OnTickFailed(Exception exception) => LogLoopFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo scheduler pass failed")]
    private partial void LogLoopFailed(Exception exception);
}
