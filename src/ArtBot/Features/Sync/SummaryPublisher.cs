using ArtBot.Features.Common;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// The one summary card per occurrence in the ART's summary channel. Posting is claimed like a prompt (one card even
/// with several instances); its activity id is stored so later answers update the same card in place (PUT).
/// At sync time the scheduler publishes once more (marker row <see cref="AtSyncMarker"/>): the card is posted if it
/// was not yet, else refreshed.
/// </summary>
public sealed class SummaryPublisher(
    ISyncStore store,
    IArtStore arts,
    IPeopleDirectory people,
    ConnectorClient connector,
    SharedCardUpdater updater,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SummaryPublisher> logger,
    IImpedimentStore impediments,
    RteDigest digest,
    IDependencyTracking dependencies,
    IPlanStore<IntegrationProblem> integrationProblems)
{
    /// <summary>The conversation id of the claim row that records "the sync-time summary was published".</summary>
    public const string AtSyncMarker = "at-sync";

    /// <summary>Posts the summary card, or updates it in place when it was posted already. Returns the outcome (null: another instance is posting it).</summary>
    public async Task<ConnectorOutcome?> PublishAsync(Art art, SyncOccurrence occurrence, CancellationToken cancellationToken)
    {
        var key = OccurrenceKey.Of(art, occurrence);
        var existing = await store.GetDeliveryAsync(key, DeliveryKind.Summary, art.SummaryConversationId, cancellationToken);
        if (existing is { State: DeliveryState.Sent, ActivityId: not null })
        {
            return await UpdateAsync(art, occurrence, existing.ActivityId, cancellationToken);
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var claim = await store.TryClaimAsync(key, DeliveryKind.Summary, art.SummaryConversationId, settings.Owner, now, now + settings.ClaimLease, settings.MaxAttempts, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        if (claim.SendingAt is { } interrupted)
        {
            SyncLog.InterruptedSendRepeated(logger, art.Id, occurrence.Id, DeliveryKind.Summary, art.SummaryConversationId, interrupted); // see ResendsInterruptedSend
        }

        var card = await BuildAsync(art, occurrence, CancellationToken.None);
        claim = await store.MarkSendingAsync(claim, time.GetUtcNow(), CancellationToken.None);
        if (claim is null)
        {
            return null; // taken over meanwhile: the new holder posts it
        }

        var outcome = await connector.SendToConversationAsync(
            art.ServiceUrl, art.TenantId, art.SummaryConversationId,
            Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = Localized.Format(SyncStrings.SummaryTitle, art.Name) }, CancellationToken.None);
        var done = time.GetUtcNow();
        if (outcome.IsSuccess)
        {
            await store.CompleteAsync(claim, DeliveryState.Sent, outcome.Id, null, done, null, CancellationToken.None);
        }
        else
        {
            SyncLog.SummaryFailed(logger, art.Id, occurrence.Id, "posted", outcome.Kind, outcome.StatusCode);
            var state = claim.Attempts >= settings.MaxAttempts ? DeliveryState.GaveUp : DeliveryState.Failed;
            await store.CompleteAsync(claim, state, null, $"{outcome.Kind} {outcome.StatusCode}", done, done + settings.RetryDelay, CancellationToken.None);
        }

        return outcome;
    }

    /// <summary>The sync-time publication, once per occurrence across instances.</summary>
    public async Task PublishAtSyncAsync(Art art, SyncOccurrence occurrence, CancellationToken cancellationToken)
    {
        var key = OccurrenceKey.Of(art, occurrence);
        var settings = options.Value;
        var now = time.GetUtcNow();
        var marker = await store.TryClaimAsync(key, DeliveryKind.Summary, AtSyncMarker, settings.Owner, now, now + settings.ClaimLease, settings.MaxAttempts, cancellationToken);
        if (marker is null)
        {
            return;
        }

        var outcome = await PublishAsync(art, occurrence, CancellationToken.None);
        var done = time.GetUtcNow();
        if (outcome is { IsSuccess: true })
        {
            await digest.SendAsync(art, CancellationToken.None); // once per occurrence: this marker is claimed once

            await store.CompleteAsync(marker, DeliveryState.Sent, outcome.Id, null, done, null, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(marker, DeliveryState.Failed, null, outcome?.Kind.ToString() ?? "held elsewhere", done, done + settings.RetryDelay, CancellationToken.None);
        }
    }

    /// <summary>After an answer: updates the posted summary card in place, in the background (coalesced). Does nothing before it is posted.</summary>
    public void ScheduleRefresh(Art art, SyncOccurrence occurrence) =>
        updater.Schedule($"summary|{art.TenantId}|{art.Id}|{occurrence.Id}", TimeSpan.Zero, async cancellationToken =>
        {
            var existing = await store.GetDeliveryAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Summary, art.SummaryConversationId, cancellationToken);
            if (existing is { State: DeliveryState.Sent, ActivityId: { } activityId })
            {
                await UpdateAsync(art, occurrence, activityId, cancellationToken);
            }
        });

    /// <summary>The summary card as it stands now.</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> BuildAsync(Art art, SyncOccurrence occurrence, CancellationToken cancellationToken)
    {
        using var locale = ArtLocale.ForCard(art).Use(); // the ART's channel: its language and zone
        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var answers = await store.GetAnswersAsync(OccurrenceKey.Of(art, occurrence), cancellationToken);
        var summary = SyncSummary.Build(teams, answers);
        IReadOnlyList<TeamMember>? names = null;
        if (art.NameNonResponders && summary.NotAnswered.Count > 0)
        {
            var members = new List<TeamMember>();
            foreach (var team in summary.NotAnswered.Take(SummaryCard.MaxTeamsListed))
            {
                members.AddRange(await people.GetTeamMembersAsync(team, cancellationToken));
            }

            var away = await people.GetOutOfOfficeAsync(members.Select(m => m.Id), cancellationToken);
            names = [.. members.Where(m => !away.Contains(m.Id)).DistinctBy(m => m.Id).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)];
        }

        var now = time.GetUtcNow();
        var atRisk = await dependencies.AtRiskAsync(art, art.Today(now), cancellationToken);
        var ageing = await AgeingImpediments.LoadAsync(impediments, art, options.Value.AgeingImpedimentDays, now, cancellationToken);
        var problems = (await integrationProblems.ListAsync(art.TenantId, art.Id, cancellationToken)).Where(p => p.IsOpen).OrderBy(p => p.CreatedAt).ToList();
        return SummaryCard.Build(art, occurrence, summary, names, now, ageing, atRisk, problems);
    }

    private async Task<ConnectorOutcome> UpdateAsync(Art art, SyncOccurrence occurrence, string activityId, CancellationToken cancellationToken)
    {
        var card = await BuildAsync(art, occurrence, cancellationToken);
        var outcome = await connector.UpdateActivityAsync(
            art.ServiceUrl, art.TenantId, art.SummaryConversationId, activityId, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            SyncLog.SummaryFailed(logger, art.Id, occurrence.Id, "updated", outcome.Kind, outcome.StatusCode);
        }

        return outcome;
    }
}
