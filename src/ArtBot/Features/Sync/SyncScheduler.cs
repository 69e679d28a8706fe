using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;

namespace ArtBot.Features.Sync;

/// <summary>
/// One pass over every ART: for each occurrence in progress at the current time (from <see cref="TimeProvider"/>), posts
/// what is due and not yet done: prompts from the prompt time (or at once after <c>sync now</c>) until the sync, reminders
/// from the reminder time until the sync, the summary at sync time (caught up for a few hours, never later). All
/// "done" state is in Table Storage, so a pass is idempotent, any instance may run it at any time, and a pass after a
/// crash or restart continues where the last one stopped.
/// </summary>
public sealed class SyncScheduler(
    IArtStore arts,
    ISyncStore store,
    SyncFanOut fanOut,
    SummaryPublisher summaries,
    TimeProvider time,
    ILogger<SyncScheduler> logger)
{
    private const int ArtsInParallel = 4;

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var list = new List<Art>();
        await foreach (var art in arts.ListAllAsync(cancellationToken))
        {
            list.Add(art);
        }

        await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = ArtsInParallel, CancellationToken = cancellationToken }, async (art, token) =>
        {
            try
            {
                await TickArtAsync(art, token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                SyncLog.TickFailed(logger, exception, art.Id);
            }
        });
    }

    /// <summary>Does what is due for one ART now.</summary>
    public async Task TickArtAsync(Art art, CancellationToken cancellationToken)
    {
        using var locale = ArtLocale.ForCard(art).Use(); // prompts, reminders, summary and digest: the ART's language and zone
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(art.Sync.TimeZoneId, out _))
        {
            return;
        }

        var now = time.GetUtcNow();
        var occurrences = SyncCalendar.Active(art, now).Select(o => (Occurrence: o, Forced: false)).ToList();
        if (SyncCalendar.Next(art, now) is { } next && occurrences.All(o => o.Occurrence.Date != next.Date)
            && await store.GetPromptsRequestedAsync(OccurrenceKey.Of(art, next), cancellationToken) is not null)
        {
            occurrences.Add((next, true));
        }

        if (occurrences.Count == 0)
        {
            return;
        }

        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        foreach (var (occurrence, forced) in occurrences)
        {
            if (now < occurrence.SyncAt && (forced || now >= occurrence.PromptAt))
            {
                await fanOut.PostPromptsAsync(art, occurrence, teams, cancellationToken);
            }

            if (occurrence.ReminderAt is { } reminderAt && now >= reminderAt && now < occurrence.SyncAt)
            {
                await fanOut.PostRemindersAsync(art, occurrence, teams, cancellationToken);
            }

            if (now >= occurrence.SyncAt && now < occurrence.SyncAt + SyncCalendar.SummaryCatchUp)
            {
                await summaries.PublishAtSyncAsync(art, occurrence, cancellationToken);
            }
        }
    }
}
