using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Posts an occurrence's check-in prompts (and reminders) to the ART's team channels, exactly once per channel across
/// instances: each send is preceded by a claim (insert-if-absent, or an ETag take-over of a claim whose lease ran out)
/// and followed by its outcome. Sends go through the <see cref="ConnectorClient"/> (its per-conversation and per-tenant
/// limits, 429 Retry-After); at most <see cref="SyncOptions.FanOutConcurrency"/> are in flight. A send that started is
/// never cancelled (cancellation only stops new claims), so a stopping instance leaves no half-done claim behind.
/// 403/404 marks the team unreachable; throttled or failed sends are retried on a later tick.
/// </summary>
public sealed class SyncFanOut(
    ISyncStore store,
    IArtStore arts,
    IPeopleDirectory people,
    ConnectorClient connector,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncFanOut> logger)
{
    public Task<FanOutResult> PostPromptsAsync(Art art, SyncOccurrence occurrence, IReadOnlyList<ArtTeam> teams, CancellationToken cancellationToken) =>
        RunAsync(art, occurrence, DeliveryKind.Prompt, teams, (team, _) => SendPromptAsync(art, occurrence, team), cancellationToken);

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
            (team, _) => SendReminderAsync(art, occurrence, team, prompts[team.ConversationId]), cancellationToken);
    }

    private async Task<FanOutResult> RunAsync(
        Art art, SyncOccurrence occurrence, DeliveryKind kind, IReadOnlyList<ArtTeam> teams,
        Func<ArtTeam, SyncDelivery, Task<ConnectorOutcome>> send, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = OccurrenceKey.Of(art, occurrence);
        var now = time.GetUtcNow();
        var existing = (await store.GetDeliveriesAsync(key, kind, cancellationToken)).ToDictionary(d => d.ConversationId, StringComparer.Ordinal);
        var pending = teams
            .Where(t => t.UnreachableSince is null)
            .Where(t => !existing.TryGetValue(t.ConversationId, out var d) || d.IsClaimableAt(now, settings.MaxAttempts))
            .ToList();
        if (pending.Count == 0)
        {
            return FanOutResult.None;
        }

        int sent = 0, unreachable = 0, failed = 0, skipped = teams.Count - pending.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.FanOutConcurrency), CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(pending, parallel, async (team, _) =>
            {
                // From here on, not cancellable: a claim taken is always completed or released.
                var claimedAt = time.GetUtcNow();
                var claim = await store.TryClaimAsync(key, kind, team.ConversationId, settings.InstanceId, claimedAt, claimedAt + settings.ClaimLease, settings.MaxAttempts, CancellationToken.None);
                if (claim is null)
                {
                    Interlocked.Increment(ref skipped);
                    return;
                }

                ConnectorOutcome outcome;
                try
                {
                    outcome = await send(team, claim);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    await store.ReleaseAsync(claim, CancellationToken.None);
                    throw;
                }

                var done = time.GetUtcNow();
                switch (outcome.Kind)
                {
                    case ConnectorOutcomeKind.Sent:
                        Interlocked.Increment(ref sent);
                        if (!await store.CompleteAsync(claim, DeliveryState.Sent, outcome.Id, null, done, null, CancellationToken.None))
                        {
                            SyncLog.ClaimLost(logger, art.Id, occurrence.Id, kind, team.ConversationId);
                        }

                        break;
                    case ConnectorOutcomeKind.BotRemoved:
                        Interlocked.Increment(ref unreachable);
                        await store.CompleteAsync(claim, DeliveryState.Unreachable, null, $"{outcome.StatusCode} {outcome.ErrorCode}", done, null, CancellationToken.None);
                        await arts.SetTeamUnreachableAsync(art.TenantId, art.Id, team.ConversationId, done, CancellationToken.None);
                        SyncLog.TeamUnreachable(logger, art.Id, team.ConversationId);
                        break;
                    default:
                        Interlocked.Increment(ref failed);
                        var final = claim.Attempts >= settings.MaxAttempts ? DeliveryState.GaveUp : DeliveryState.Failed;
                        var retryAt = done + (outcome.RetryAfter is { } wait && wait > settings.RetryDelay ? wait : settings.RetryDelay);
                        await store.CompleteAsync(claim, final, null, $"{outcome.Kind} {outcome.StatusCode} {outcome.ErrorCode}", done, retryAt, CancellationToken.None);
                        SyncLog.SendFailed(logger, art.Id, occurrence.Id, kind, team.ConversationId, outcome.Kind, outcome.StatusCode);
                        break;
                }
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the sends in flight finished and were recorded; the rest is left for the next instance.
        }

        SyncLog.FanOutDone(logger, art.Id, occurrence.Id, kind, sent, unreachable, failed, skipped);
        return new FanOutResult(sent, unreachable, failed, skipped);
    }

    private Task<ConnectorOutcome> SendPromptAsync(Art art, SyncOccurrence occurrence, ArtTeam team)
    {
        var closed = !occurrence.AcceptsAnswersAt(time.GetUtcNow());
        var card = CheckInCard.Build(art, occurrence, team.TeamName, null, closed);
        var activity = Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = $"ART sync check-in for {team.TeamName}" };
        return connector.SendToConversationAsync(team.ServiceUrl, art.TenantId, team.ConversationId, activity, CancellationToken.None);
    }

    private async Task<ConnectorOutcome> SendReminderAsync(Art art, SyncOccurrence occurrence, ArtTeam team, string promptActivityId)
    {
        var text = $"Reminder: the ART sync is {SyncText.When(art, occurrence)} and this team's check-in is not in yet. Please answer on the card above.";
        if (art.NameNonResponders)
        {
            var names = await NamesAsync(team);
            if (names.Count > 0)
            {
                text += " (" + string.Join(", ", names) + ")";
            }
        }

        var thread = team.ConversationId + ";messageid=" + promptActivityId;
        return await connector.SendToConversationAsync(team.ServiceUrl, art.TenantId, thread, Activity.CreateMessage(text) with { ReplyToId = promptActivityId }, CancellationToken.None);
    }

    /// <summary>The team's people who are not out of office (at most 20 names).</summary>
    private async Task<IReadOnlyList<string>> NamesAsync(ArtTeam team)
    {
        var members = await people.GetTeamMembersAsync(team, CancellationToken.None);
        var away = await people.GetOutOfOfficeAsync(members.Select(m => m.Id), CancellationToken.None);
        return [.. members.Where(m => !away.Contains(m.Id)).Select(m => m.Name).Take(20)];
    }
}
