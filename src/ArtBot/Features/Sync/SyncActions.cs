using ArtBot.Features.Common;
using ArtBot.Hosting.Telemetry;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using ArtBot.Features.Votes;

namespace ArtBot.Features.Sync;

/// <summary>
/// The sync cards' Universal Actions. <c>sync.answer</c> stores a team's check-in (from the team's own channel, until the
/// sync closes), answers with the card showing the answer, and updates the shared prompt and the posted summary in place.
/// <c>sync.raise</c> turns a blocker flagged "needs help" into an impediment from the summary, <c>sync.track</c> a dependency
/// flagged so into a tracked dependency between teams. Bad input (unknown
/// option values, another tenant's or channel's ART, a closed sync) gets an error on the card and changes nothing.
/// </summary>
public sealed partial class SyncActions(
    IArtStore arts,
    ISyncStore store,
    SummaryPublisher summaries,
    SharedCardUpdater updater,
    IBlockerEscalation escalation,
    ConnectorClient connector,
    ArtBotMetrics metrics,
    TimeProvider time,
    ILogger<SyncActions> logger,
    IDependencyTracking dependencies) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Verb(CheckInCard.AnswerVerb, AnswerAsync)
        .Verb(SummaryCard.RaiseVerb, (turn, data, ct) => EscalateItemAsync(turn, CardData.Read(data, Data.SummaryItemData), tracking: false, ct))
        .Verb(SummaryCard.TrackVerb, (turn, data, ct) => EscalateItemAsync(turn, CardData.Read(data, Data.SummaryItemData), tracking: true, ct));

    /// <summary>Raises the item as an impediment: its id is stored on the item.</summary>
    private async Task<(string? Id, string? Error)> Raise(BlockerEscalationRequest request, CancellationToken cancellationToken)
    {
        var result = await escalation.RaiseImpedimentAsync(request, cancellationToken);
        return result.Raised && result.ImpedimentId is not null ? (result.ImpedimentId, null) : (null, result.Message);
    }

    /// <summary>Tracks a dependency item between teams, provided by the team chosen on the summary.</summary>
    private async Task<(string? Id, string? Error)> Track(BlockerEscalationRequest request, SummaryItemData data, CancellationToken cancellationToken)
    {
        if (request.Kind != CheckInItemKind.Dependency || data.Provider(request.SourceId) is not { Length: > 0 and <= 400 } provider)
        {
            return (null, SyncStrings.ErrorChooseProvider);
        }

        var result = await dependencies.TrackAsync(request, provider, cancellationToken);
        return result.Tracked && result.DependencyId is not null ? (result.DependencyId, null) : (null, result.Message);
    }

    private async Task<InvokeResponse> AnswerAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { } conversationId || activity.UserId() is not { } userId)
        {
            return Error("CheckInNotFound", SyncStrings.ErrorCheckInNotInChannel);
        }

        var tenant = ConversationIds.Tenant(activity);
        var channel = ConversationIds.WithoutThread(conversationId);
        var membership = await arts.FindByConversationAsync(tenant, channel, cancellationToken);
        var form = CardData.Read(data, Data.CheckInAnswerData);
        if (membership is not { Team: { } team } || membership.Art.Id != form.ArtId
            || !SyncCalendar.TryParseId(form.Occurrence, out var date)
            || SyncCalendar.Scheduled(membership.Art, date) is not { } occurrence)
        {
            return Error("CheckInNotFound", SyncStrings.ErrorCheckInNotInArt);
        }

        var art = membership.Art;
        var now = time.GetUtcNow();
        if (!occurrence.AcceptsAnswersAt(now))
        {
            return Error("SyncClosed", Localized.Format(SyncStrings.ErrorSyncClosed, SyncText.SyncDate(occurrence.Date)));
        }

        var key = OccurrenceKey.Of(art, occurrence);
        var existing = await store.GetAnswerAsync(key, team.ConversationId, cancellationToken);
        var (answer, error) = Parse(form, existing);
        if (answer is null)
        {
            return Error("InvalidAnswer", error!);
        }

        answer = answer with
        {
            Occurrence = key,
            TeamConversationId = team.ConversationId,
            TeamName = team.TeamName,
            AnsweredBy = new Person(userId, activity.From?.Name),
            AnsweredAt = now,
            Revision = (existing?.Revision ?? 0) + 1,
            Version = existing?.Version,
        };
        var saved = await store.SaveAnswerAsync(answer, cancellationToken);
        if (saved is null)
        {
            return Error("AnswerConflict", SyncStrings.ErrorAnswerConflict);
        }

        metrics.CheckInAnswered();
        summaries.ScheduleRefresh(art, occurrence);
        ScheduleSharedCard(art, occurrence, team, saved);
        var notice = occurrence.IsLateAt(now)
            ? SyncStrings.NoticeSavedLate
            : existing is null ? SyncStrings.NoticeSaved : SyncStrings.NoticeUpdated;
        return Card(CheckInCard.Build(art, occurrence, team.TeamName, saved, closed: false, notice));
    }

    /// <summary>
    /// Turns a check-in item flagged "needs help" into a tracked thing (<paramref name="escalate"/>: an impediment, or a
    /// dependency between teams), stores its id on the item, and answers with the refreshed summary. Keyed by the item, so
    /// a second click creates nothing new.
    /// </summary>
    private async Task<InvokeResponse> EscalateItemAsync(
        TurnContext turn, SummaryItemData data, bool tracking, CancellationToken cancellationToken)
    {
        var notFound = Error("BlockerNotFound", SyncStrings.ErrorBlockerNotFound);
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { } conversationId || activity.UserId() is not { } userId
            || data.ArtId is not { Length: > 0 and <= 200 } artId || data.Team is not { Length: > 0 and <= 400 } teamId
            || !SyncCalendar.TryParseId(data.Occurrence, out var date)
            || data.Index is not { } index)
        {
            return notFound;
        }

        var kind = data.Kind switch
        {
            "blocker" => CheckInItemKind.Blocker,
            "dependency" => (CheckInItemKind?)CheckInItemKind.Dependency,
            _ => null,
        };
        var tenant = ConversationIds.Tenant(activity);
        var channel = ConversationIds.WithoutThread(conversationId);
        var art = await arts.GetAsync(tenant, artId, cancellationToken);
        if (kind is null || art is null || (channel != art.SummaryConversationId && channel != art.HomeConversationId)
            || SyncCalendar.Scheduled(art, date) is not { } occurrence)
        {
            return notFound;
        }

        var key = OccurrenceKey.Of(art, occurrence);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var answer = await store.GetAnswerAsync(key, teamId, cancellationToken);
            var items = answer is null ? null : kind == CheckInItemKind.Blocker ? answer.Blockers : answer.Dependencies;
            if (answer is null || items is null || index < 0 || index >= items.Count || !items[index].NeedsHelp)
            {
                return notFound;
            }

            var item = items[index];
            if ((tracking ? item.DependencyId : item.ImpedimentId) is null)
            {
                var request = new BlockerEscalationRequest(
                    art, occurrence.Date, answer.TeamConversationId, answer.TeamName, kind.Value, item.Text,
                    new Person(userId, activity.From?.Name), time.GetUtcNow(), channel, activity.ServiceUrl ?? art.ServiceUrl,
                    SummaryCard.ItemKey(art, occurrence, kind.Value, index, answer.TeamConversationId, item.Text));
                var (id, problem) = tracking ? await Track(request, data, cancellationToken) : await Raise(request, cancellationToken);
                if (id is null)
                {
                    return Error(tracking ? "NotTracked" : "NotRaised", problem!);
                }

                var updatedItems = items.Select((x, i) => i != index ? x : tracking ? x with { DependencyId = id } : x with { ImpedimentId = id }).ToList();
                var updated = kind == CheckInItemKind.Blocker ? answer with { Blockers = updatedItems } : answer with { Dependencies = updatedItems };
                if (await store.SaveAnswerAsync(updated, cancellationToken) is null)
                {
                    continue; // the team edited its answer meanwhile: read again (the escalation is idempotent by SourceId)
                }
            }

            summaries.ScheduleRefresh(art, occurrence);
            return Card(await summaries.BuildAsync(art, occurrence, cancellationToken));
        }

        return Error("AnswerConflict", SyncStrings.ErrorTeamEditing);
    }

    /// <summary>Updates the team's prompt message for everyone in the channel (the invoke answer only updates it for the person who clicked).</summary>
    private void ScheduleSharedCard(Art art, SyncOccurrence occurrence, ArtTeam team, CheckInAnswer answer) =>
        updater.Schedule($"prompt|{art.TenantId}|{art.Id}|{occurrence.Id}|{team.ConversationId}", TimeSpan.Zero, async cancellationToken =>
        {
            var prompt = await store.GetDeliveryAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, team.ConversationId, cancellationToken);
            if (prompt is { State: DeliveryState.Sent, ActivityId: { } activityId })
            {
                var latest = await store.GetAnswerAsync(OccurrenceKey.Of(art, occurrence), team.ConversationId, cancellationToken) ?? answer;
                using var locale = ArtLocale.ForCard(art).Use(); // everyone's card: the ART's language and zone
                var card = CheckInCard.Build(art, occurrence, team.TeamName, latest, closed: false);
                await connector.UpdateActivityAsync(team.ServiceUrl, art.TenantId, team.ConversationId, activityId,
                    Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
            }
        });

    /// <summary>The answer in the card's inputs, or the first problem with them.</summary>
    internal static (CheckInAnswer? Answer, string? Error) Parse(JsonElement? data, CheckInAnswer? previous) =>
        Parse(CardData.Read(data, Data.CheckInAnswerData), previous);

    private static (CheckInAnswer? Answer, string? Error) Parse(CheckInAnswerData data, CheckInAnswer? previous)
    {
        var statusText = data.Status;
        if (!CheckInRules.TryParseStatus(statusText, out var status))
        {
            return (null, string.IsNullOrEmpty(statusText)
                ? SyncStrings.ErrorPickStatus
                : Localized.Format(SyncStrings.ErrorNotAStatus, Shorten(statusText)));
        }

        var (progress, progressError) = CheckInRules.CheckText(data.Progress, "progress");
        var (milestones, milestonesError) = CheckInRules.CheckText(data.Milestones, "milestones text");
        if ((progressError ?? milestonesError) is { } textError)
        {
            return (null, textError);
        }

        var (blockers, blockersError) = Items(data.Blockers(), "blocker", SyncStrings.ErrorBlockerHelpFlag, previous?.Blockers);
        var (dependencies, dependenciesError) = Items(data.Dependencies(), "dependency", SyncStrings.ErrorDependencyHelpFlag, previous?.Dependencies);
        if ((blockersError ?? dependenciesError) is { } itemError)
        {
            return (null, itemError);
        }

        return (new CheckInAnswer
        {
            Occurrence = new OccurrenceKey("", "", default),
            TeamConversationId = "",
            TeamName = "",
            Status = status,
            Progress = progress!,
            Blockers = blockers!,
            Dependencies = dependencies!,
            Milestones = milestones!,
            AnsweredBy = new Person("", null),
        }, null);
    }

    private static (List<CheckInItem>? Items, string? Error) Items(
        IReadOnlyList<(string? Text, string? Help)> slots, string what, string flagError, IReadOnlyList<CheckInItem>? previous)
    {
        var items = new List<CheckInItem>();
        for (var slot = 0; slot < CheckInRules.ItemSlots; slot++)
        {
            var (text, error) = CheckInRules.CheckText(slots[slot].Text, what);
            if (error is not null)
            {
                return (null, error);
            }

            var flag = slots[slot].Help;
            if (!CheckInRules.TryParseFlag(flag, out var needsHelp))
            {
                return (null, Localized.Format(flagError, Shorten(flag), slot + 1));
            }

            if (text!.Length > 0)
            {
                // An item raised as an impediment, or tracked as a dependency, keeps that link while its text is unchanged.
                var same = previous?.FirstOrDefault(p => p.Text == text && (p.ImpedimentId ?? p.DependencyId) is not null);
                items.Add(new CheckInItem(text, needsHelp)
                {
                    ImpedimentId = needsHelp ? same?.ImpedimentId : null,
                    DependencyId = needsHelp ? same?.DependencyId : null,
                });
            }
        }

        return (items, null);
    }

    private static SyncCardDataContext Data => SyncCardDataContext.Default;

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "\u2026" : text ?? "";

    private InvokeResponse Error(string code, string message)
    {
        SyncLog.ActionRefused(logger, code);
        return InvokeErrors.UniversalActionError(400, code, message);
    }

    private static InvokeResponse Card(AdaptiveCard card) => CardResponses.Card(card);
}
