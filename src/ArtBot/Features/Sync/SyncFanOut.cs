using ArtBot.Hosting.Telemetry;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Posts an occurrence's check-in prompts (and reminders) to the ART's team channels, exactly once per channel across
/// instances: each send is preceded by a claim (insert-if-absent, or an ETag take-over of a claim whose lease ran out)
/// and followed by its outcome. Sends go through the <see cref="FanOutSender"/> (the connector client's per-conversation
/// and per-tenant limits, every attempt paced, 429 Retry-After honoured); at most <see cref="SyncOptions.FanOutConcurrency"/> are in flight. A send that started is
/// never cancelled (cancellation only stops new claims), so a stopping instance leaves no half-done claim behind.
/// 403/404 marks the team unreachable; throttled or failed sends are retried on a later tick.
/// <para>
/// A killed process leaves claims behind. Its claims are taken over after <see cref="SyncOptions.ClaimLease"/> by any
/// instance, or at once by the next run of the same <see cref="SyncOptions.InstanceId"/>. Right before the HTTP send (at
/// most <see cref="SyncOptions.FanOutPrepareAhead"/> before its paced slot) the claim row records <see cref="SyncDelivery.SendingAt"/>; a claim taken over without it was never sent (most of them:
/// the rest were waiting for their paced slot) and is simply sent. One taken over with it was interrupted mid-send and
/// is settled by <see cref="InterruptedSends"/>: with Graph, the channel (or the prompt's thread) is searched for the
/// post; without it, prompts are sent again (a duplicate is possible if the first post reached Teams before the kill, a
/// loss is not) and reminders are recorded as sent without being repeated.
/// </para>
/// </summary>
public sealed class SyncFanOut(
    ISyncStore store,
    IArtStore arts,
    IPeopleDirectory people,
    FanOutSender sender,
    InterruptedSends interruptedSends,
    ArtBotMetrics metrics,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncFanOut> logger)
{
    /// <summary>The start of every reminder's text (<see cref="SyncStrings.Reminder"/> starts with it in each language): how a reminder is found in a prompt's thread.</summary>
    internal static string ReminderStart => SyncStrings.ReminderStart;

    public Task<FanOutResult> PostPromptsAsync(Art art, SyncOccurrence occurrence, IReadOnlyList<ArtTeam> teams, CancellationToken cancellationToken) =>
        RunAsync(art, occurrence, DeliveryKind.Prompt, teams, (team, marking) => SendPromptAsync(art, occurrence, team, marking),
            _ => new PostIdentity(null, [CheckInCard.AnswerVerb, art.Id, occurrence.Id]), cancellationToken);

    /// <summary>Replies in the prompt's thread of every team whose prompt was posted and which has not answered.</summary>
    public async Task<FanOutResult> PostRemindersAsync(Art art, SyncOccurrence occurrence, IReadOnlyList<ArtTeam> teams, CancellationToken cancellationToken)
    {
        var key = OccurrenceKey.Of(art, occurrence);
        var prompts = (await store.GetDeliveriesAsync(key, DeliveryKind.Prompt, cancellationToken))
            .Where(d => d is { State: DeliveryState.Sent, ActivityId: not null })
            .ToDictionary(d => d.ConversationId, d => d.ActivityId!, StringComparer.Ordinal);
        var answered = (await store.GetAnswersAsync(key, cancellationToken)).Select(a => a.TeamConversationId).ToHashSet(StringComparer.Ordinal);
        var due = teams.Where(t => prompts.ContainsKey(t.ConversationId) && !answered.Contains(t.ConversationId)).ToList();
        return await RunAsync(art, occurrence, DeliveryKind.Reminder, due,
            (team, marking) => SendReminderAsync(art, occurrence, team, prompts[team.ConversationId], marking),
            team => new PostIdentity(prompts[team.ConversationId], [ReminderStart]), cancellationToken);
    }

    /// <summary>
    /// Passes over the deliveries not done yet; a pass that ended with throttled or failed sends is followed by another once
    /// they are due again (bounded by <see cref="SyncOptions.MaxPasses"/>), so a throttled send does not wait for a later tick.
    /// </summary>
    private async Task<FanOutResult> RunAsync(
        Art art, SyncOccurrence occurrence, DeliveryKind kind, IReadOnlyList<ArtTeam> teams,
        Func<ArtTeam, Func<Task<bool>>, Task<ConnectorOutcome>> send, Func<ArtTeam, PostIdentity> postOf, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = FanOutResult.None;
        var started = time.GetTimestamp();
        for (var pass = 0; pass < Math.Max(1, settings.MaxPasses) && !cancellationToken.IsCancellationRequested; pass++)
        {
            var (result, retryAt) = await PassAsync(art, occurrence, kind, teams, send, postOf, cancellationToken);
            total = new FanOutResult(total.Sent + result.Sent, total.Unreachable + result.Unreachable, total.Failed + result.Failed, result.Skipped);
            if (result.Failed == 0 || retryAt is not { } due)
            {
                break;
            }

            var wait = due - time.GetUtcNow();
            if (wait > settings.TickInterval)
            {
                break; // a later tick takes it
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        SyncLog.FanOutDone(logger, art.Id, occurrence.Id, kind, total.Sent, total.Unreachable, total.Failed, total.Skipped);
        if (total.Sent + total.Unreachable + total.Failed > 0)
        {
            metrics.FanOutFinished(KindTag(kind), time.GetElapsedTime(started));
        }

        return total;
    }

    private async Task<(FanOutResult Result, DateTimeOffset? RetryAt)> PassAsync(
        Art art, SyncOccurrence occurrence, DeliveryKind kind, IReadOnlyList<ArtTeam> teams,
        Func<ArtTeam, Func<Task<bool>>, Task<ConnectorOutcome>> send, Func<ArtTeam, PostIdentity> postOf, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var owner = settings.Owner;
        var key = OccurrenceKey.Of(art, occurrence);
        var now = time.GetUtcNow();
        var initial = await store.GetDeliveriesAsync(key, kind, cancellationToken);
        var rows = new DeliveryRows(
            initial,
            conversationId => store.GetDeliveryAsync(key, kind, conversationId, CancellationToken.None),
            contested: initial.Any(d => d.State == DeliveryState.Claimed && !d.IsClaimableBy(owner, now, settings.MaxAttempts)));
        // In an order of this pass's own: instances fanning out together then rarely race for the same claim (a lost race
        // costs a conflict answer from storage), where in the teams' order they would for nearly every one.
        var pending = teams
            .Where(t => t.UnreachableSince is null)
            .Where(t => rows.Find(t.ConversationId) is not { } d || d.IsClaimableBy(owner, now, settings.MaxAttempts))
            .ToArray();
        Random.Shared.Shuffle(pending);
        if (pending.Length == 0)
        {
            return (FanOutResult.None with { Skipped = teams.Count }, null);
        }

        int sent = 0, unreachable = 0, failed = 0, skipped = teams.Count - pending.Length;
        long earliestRetry = long.MaxValue;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.FanOutConcurrency), CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(pending, parallel, async (team, _) =>
            {
                // From here on, not cancellable: a claim taken is always completed or released.
                var row = await rows.CurrentAsync(team.ConversationId);
                var claimedAt = time.GetUtcNow();
                if (row is not null && !row.IsClaimableBy(owner, claimedAt, settings.MaxAttempts))
                {
                    Interlocked.Increment(ref skipped); // claimed by another instance since this pass began
                    return;
                }

                var claim = row is not null
                    ? await store.TryTakeOverAsync(row, owner, claimedAt, claimedAt + settings.ClaimLease, settings.MaxAttempts, CancellationToken.None)
                    : await store.TryClaimAsync(key, kind, team.ConversationId, owner, claimedAt, claimedAt + settings.ClaimLease, settings.MaxAttempts, CancellationToken.None);
                if (claim is null)
                {
                    // Another instance works this occurrence too: from now on, look before claiming rather than race it for each one.
                    Interlocked.Increment(ref skipped);
                    rows.ClaimLost();
                    return;
                }

                if (claim.SendingAt is { } interrupted)
                {
                    // The previous holder died between starting this send and recording its outcome: is the post in the channel?
                    var post = postOf(team);
                    var settled = await interruptedSends.SettleAsync(
                        art.Id, occurrence.Id, kind, team.ConversationId, interrupted, team.AadGroupId, post.ThreadId, post.Markers);
                    if (settled.Action == InterruptedSendAction.RecordSent)
                    {
                        Interlocked.Increment(ref skipped);
                        await store.CompleteAsync(claim, DeliveryState.Sent, settled.MessageId, settled.Note, time.GetUtcNow(), null, CancellationToken.None);
                        return;
                    }
                }

                async Task<bool> MarkSendingAsync()
                {
                    var marked = await store.MarkSendingAsync(claim, time.GetUtcNow(), CancellationToken.None);
                    if (marked is null)
                    {
                        return false;
                    }

                    claim = marked;
                    return true;
                }

                ConnectorOutcome outcome;
                try
                {
                    outcome = await send(team, MarkSendingAsync);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    await store.ReleaseAsync(claim, CancellationToken.None);
                    throw;
                }

                var done = time.GetUtcNow();
                if (ReferenceEquals(outcome, FanOutSender.ClaimLost))
                {
                    Interlocked.Increment(ref skipped); // taken over before anything was sent: the new holder posts it
                    SyncLog.ClaimLostBeforeSend(logger, art.Id, occurrence.Id, kind, team.ConversationId);
                    return;
                }

                switch (outcome.Kind)
                {
                    case ConnectorOutcomeKind.Sent:
                        Interlocked.Increment(ref sent);
                        metrics.Post(KindTag(kind), "sent");
                        if (!await store.CompleteAsync(claim, DeliveryState.Sent, outcome.Id, null, done, null, CancellationToken.None))
                        {
                            SyncLog.ClaimLost(logger, art.Id, occurrence.Id, kind, team.ConversationId);
                        }

                        break;
                    case ConnectorOutcomeKind.BotRemoved:
                        Interlocked.Increment(ref unreachable);
                        metrics.Post(KindTag(kind), "unreachable");
                        await store.CompleteAsync(claim, DeliveryState.Unreachable, null, $"{outcome.StatusCode} {outcome.ErrorCode}", done, null, CancellationToken.None);
                        await arts.SetTeamUnreachableAsync(art.TenantId, art.Id, team.ConversationId, done, CancellationToken.None);
                        SyncLog.TeamUnreachable(logger, art.Id, team.ConversationId);
                        break;
                    default:
                        Interlocked.Increment(ref failed);
                        metrics.Post(KindTag(kind), outcome.Kind == ConnectorOutcomeKind.Throttled ? "throttled" : "failed");
                        var final = claim.Attempts >= settings.MaxAttempts ? DeliveryState.GaveUp : DeliveryState.Failed;
                        var delay = outcome.Kind == ConnectorOutcomeKind.Throttled ? settings.ThrottledRetryDelay : settings.RetryDelay;
                        var retryAt = done + (outcome.RetryAfter is { } asked && asked > delay ? asked : delay);
                        await store.CompleteAsync(claim, final, null, $"{outcome.Kind} {outcome.StatusCode} {outcome.ErrorCode}", done, retryAt, CancellationToken.None);
                        if (final == DeliveryState.Failed)
                        {
                            InterlockedMin(ref earliestRetry, retryAt.UtcTicks);
                        }

                        SyncLog.SendFailed(logger, art.Id, occurrence.Id, kind, team.ConversationId, outcome.Kind, outcome.StatusCode);
                        break;
                }
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the sends in flight finished and were recorded; the rest is left for the next instance.
        }

        var next = earliestRetry == long.MaxValue ? (DateTimeOffset?)null : new DateTimeOffset(earliestRetry, TimeSpan.Zero);
        return (new FanOutResult(sent, unreachable, failed, skipped), next);
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private Task<ConnectorOutcome> SendPromptAsync(Art art, SyncOccurrence occurrence, ArtTeam team, Func<Task<bool>> beforeFirstSend)
    {
        var closed = !occurrence.AcceptsAnswersAt(time.GetUtcNow());
        var card = CheckInCard.Build(art, occurrence, team.TeamName, null, closed);
        var activity = Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = Localized.Format(SyncStrings.CardFallback, team.TeamName) };
        return sender.SendAsync(team.ServiceUrl, art.TenantId, team.ConversationId, activity, beforeFirstSend);
    }

    private async Task<ConnectorOutcome> SendReminderAsync(Art art, SyncOccurrence occurrence, ArtTeam team, string promptActivityId, Func<Task<bool>> beforeFirstSend)
    {
        var text = Localized.Format(SyncStrings.Reminder, SyncText.When(art, occurrence));
        if (art.NameNonResponders)
        {
            var names = await NamesAsync(team);
            if (names.Count > 0)
            {
                text = Localized.Format(SyncStrings.ReminderPeople, text, string.Join(", ", names));
            }
        }

        var thread = team.ConversationId + ";messageid=" + promptActivityId;
        return await sender.SendAsync(team.ServiceUrl, art.TenantId, thread, Activity.CreateMessage(text) with { ReplyToId = promptActivityId }, beforeFirstSend);
    }

    /// <summary>The team's people who are not out of office (at most 20 names).</summary>
    private async Task<IReadOnlyList<string>> NamesAsync(ArtTeam team)
    {
        var members = await people.GetTeamMembersAsync(team, CancellationToken.None);
        var away = await people.GetOutOfOfficeAsync(members.Select(m => m.Id), CancellationToken.None);
        return [.. members.Where(m => !away.Contains(m.Id)).Select(m => m.Name).Take(20)];
    }

    /// <summary>
    /// A pass's view of the occurrence's delivery rows, read when the pass begins. Once another instance is seen at work on
    /// the occurrence (its live claim among those rows, or a claim lost to it), each row is read again right
    /// before it is claimed, so the instances skip each other's claims instead of losing a race for each one: a lost race
    /// is a conflict answer the storage SDK throws for (an exception, a failed dependency in telemetry), where a point read
    /// of one row is neither, and cheaper than reading every row again. One instance alone reads nothing more.
    /// </summary>
    private sealed class DeliveryRows(IReadOnlyList<SyncDelivery> initial, Func<string, Task<SyncDelivery?>> readOne, bool contested)
    {
        private readonly Dictionary<string, SyncDelivery> _rows = initial.ToDictionary(d => d.ConversationId, StringComparer.Ordinal);
        private volatile bool _contested = contested;

        /// <summary>The row as the pass began.</summary>
        public SyncDelivery? Find(string conversationId) => _rows.GetValueOrDefault(conversationId);

        /// <summary>The row as it is now, as far as this pass needs to know: read again once another instance was seen claiming.</summary>
        public Task<SyncDelivery?> CurrentAsync(string conversationId) =>
            _contested ? readOne(conversationId) : Task.FromResult(Find(conversationId));

        public void ClaimLost() => _contested = true;
    }

    /// <summary>How a delivery's post is found in its channel: top-level or in a thread, and the texts it holds.</summary>
    private sealed record PostIdentity(string? ThreadId, IReadOnlyList<string> Markers);

    private static string KindTag(DeliveryKind kind) => kind == DeliveryKind.Prompt ? "prompt" : "reminder";
}
