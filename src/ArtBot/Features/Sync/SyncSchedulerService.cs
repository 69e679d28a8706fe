using ArtBot.Features.Common;
using ArtBot.Hosting;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Runs <see cref="SyncScheduler.TickAsync"/> every <see cref="SyncOptions.TickInterval"/> (waiting on the
/// <see cref="TimeProvider"/>), and at once when nudged (<c>sync now</c>). Stopping lets the sends in flight finish and
/// record their outcome; nothing new is claimed.
/// </summary>
public sealed class SyncSchedulerService(
    SyncScheduler scheduler, StorageInitializer storage, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncSchedulerService> logger)
    : TickingService(storage, time)
{
    protected override TimeSpan? Interval => options.Value.SchedulerEnabled ? options.Value.TickInterval : null;

    protected override Task TickAsync(CancellationToken cancellationToken) => scheduler.TickAsync(cancellationToken);

    protected override void OnStarted(TimeSpan interval) => SyncLog.SchedulerStarted(logger, options.Value.InstanceId, interval);

    protected override void OnTickFailed(Exception exception) => SyncLog.LoopFailed(logger, exception);
}
