using ArtBot.Features.Common;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Improvements;

/// <summary>
/// The improvement item card's Universal Actions: <c>improvement.show</c> answers with the item's card;
/// <c>improvement.set</c> changes one field (owner, status, expected outcome, root cause, impediment links) with its
/// history entry. Changes are ETag-guarded: a concurrent change to another field is merged by retrying, a concurrent
/// change to the same field is refused with the current card (never silently overwritten), and a redelivered change
/// finds the value already set and changes nothing.
/// </summary>
public sealed partial class ImprovementActions(
    IImprovementStore improvements,
    IArtStore arts,
    ConversationMembers members,
    TimeProvider time,
    ILogger<ImprovementActions> logger) : IBotFeature
{
    private const int MaxAttempts = 5;

    public void Register(FeatureTable table) => table
        .Verb(ImprovementCard.ShowVerb, ShowAsync)
        .Verb(ImprovementCard.SetVerb, SetAsync);

    private async Task<InvokeResponse> ShowAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, item, error) = await FindAsync(turn, CardData.Read(data, Data.ImprovementShowData).ItemId, cancellationToken);
        return item is null ? error! : await CardAsync(turn, place!, item, null, null, cancellationToken);
    }

    private async Task<InvokeResponse> SetAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var set = CardData.Read(data, Data.ImprovementSetData);
        var field = set.Field;
        if (field is null || !ImprovementField.Editable.Contains(field))
        {
            return CardResponses.Error("InvalidField", ImprovementStrings.ErrorInvalidField);
        }

        var (place, item, error) = await FindAsync(turn, set.ItemId, cancellationToken);
        if (item is null)
        {
            return error!;
        }

        var change = await ReadChangeAsync(turn, place!, field, set, cancellationToken);
        if (change.Error is not null)
        {
            return change.Error;
        }

        var seen = set.Seen;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            switch (ImprovementRules.CheckEdit(item, field, seen, change.Wanted!))
            {
                case EditCheck.AlreadyApplied:
                    return await CardAsync(turn, place!, item, ImprovementStrings.NoticeSaved, null, cancellationToken);
                case EditCheck.Conflict:
                    LogConflict(item.Id, field);
                    return await CardAsync(turn, place!, item,
                        Localized.Format(ImprovementStrings.NoticeConflict, ImprovementField.Describe(field), ImprovementRules.Display(item, field) ?? ImprovementStrings.HistoryNone),
                        "Attention", cancellationToken);
            }

            var now = time.GetUtcNow();
            var updated = change.Apply!(item) with { UpdatedAt = now };
            var history = new ImprovementChange(now, place!.ActorId, place.ActorName, field, ImprovementRules.Display(item, field), ImprovementRules.Display(updated, field));
            if (await improvements.UpdateAsync(updated, [history], cancellationToken) is { } stored)
            {
                LogChanged(item.Id, field);
                return await CardAsync(turn, place, stored, ImprovementStrings.NoticeSaved, null, cancellationToken);
            }

            // Someone else saved the item meanwhile: read it again and re-check (another field: merge; this one: conflict).
            item = await improvements.GetAsync(place.Scope, item.Id, cancellationToken);
            if (item is null)
            {
                return NotFound();
            }
        }

        return CardResponses.Error("Busy", ImprovementStrings.ErrorBusy);
    }

    /// <summary>The new value of the field from the card's inputs, checked; the owner must be a member of the conversation.</summary>
    private async Task<FieldChange> ReadChangeAsync(TurnContext turn, ImprovementPlace place, string field, ImprovementSetData data, CancellationToken cancellationToken)
    {
        switch (field)
        {
            case ImprovementField.Status:
                return ImprovementRules.TryParseStatus(data.Status, out var status)
                    ? new FieldChange(ImprovementRules.Value(status), i => i with { Status = status }, null)
                    : Refuse("InvalidStatus", ImprovementStrings.ErrorInvalidStatus);

            case ImprovementField.Outcome:
                var outcome = ImprovementRules.CheckOutcome(data.Outcome);
                return outcome.Text is { } text
                    ? new FieldChange(text, i => i with { ExpectedOutcome = text }, null)
                    : Refuse("InvalidOutcome", outcome.Error!);

            case ImprovementField.RootCause:
                var (whys, whyError) = ImprovementRules.CheckWhys(data.Whys());
                return whys is not null
                    ? new FieldChange(string.Join("\n", whys), i => i with { Whys = whys }, null)
                    : Refuse("InvalidRootCause", whyError!);

            case ImprovementField.Impediments:
                var (ids, idError) = ImprovementRules.CheckImpedimentIds(data.Impediments);
                return ids is not null
                    ? new FieldChange(string.Join(", ", ids), i => i with { ImpedimentIds = ids }, null)
                    : Refuse("InvalidImpediments", idError!);

            default: // owner
                var ownerId = data.Owner?.Trim();
                if (string.IsNullOrEmpty(ownerId) || ownerId.Length > 200 || ownerId.Any(char.IsControl))
                {
                    return Refuse("InvalidOwner", ImprovementStrings.ErrorInvalidOwner);
                }

                var check = await members.CheckAsync(turn.Activity.ServiceUrl!, place.TenantId, place.ConversationId, ownerId, cancellationToken);
                if (check.Status == MemberStatus.NotMember)
                {
                    return Refuse("OwnerNotMember", ImprovementStrings.ErrorOwnerNotMember);
                }

                if (check.Status == MemberStatus.Unknown)
                {
                    return Refuse("MembersUnavailable", ImprovementStrings.ErrorMembersUnavailable);
                }

                var member = check.Member!;
                var owner = member.AadObjectId is { Length: > 0 } aad ? aad : ownerId;
                var teamsId = ownerId.StartsWith("29:", StringComparison.Ordinal) ? ownerId : member.Id;
                var name = member.Name is { Length: > 0 } n ? n : ownerId;
                return new FieldChange(owner, i => i with { OwnerId = owner, OwnerName = name, OwnerTeamsId = teamsId }, null);
        }
    }

    private async Task<InvokeResponse> CardAsync(TurnContext turn, ImprovementPlace place, ImprovementItem item, string? notice, string? color, CancellationToken cancellationToken)
    {
        var history = await improvements.GetHistoryAsync(place.Scope, item.Id, cancellationToken);
        var owners = await members.ChoicesAsync(turn.Activity.ServiceUrl!, place.TenantId, place.ConversationId, cancellationToken);
        return CardResponses.Card(ImprovementCard.Build(item, history, owners, time.GetUtcNow(), notice, color));
    }

    /// <summary>The item named by the action's data, looked up in the scope of this conversation (its ART, or itself): never another tenant's.</summary>
    private async Task<(ImprovementPlace? Place, ImprovementItem? Item, InvokeResponse? Error)> FindAsync(TurnContext turn, string? itemId, CancellationToken cancellationToken)
    {
        if (!ImprovementIds.IsItem(itemId) || turn.Activity.Conversation?.Id is null)
        {
            return (null, null, NotFound());
        }

        var place = await ImprovementPlace.ResolveAsync(turn.Activity, arts, cancellationToken);
        var item = await improvements.GetAsync(place.Scope, itemId!, cancellationToken);
        if (item is null)
        {
            LogNotFound(itemId!);
            return (place, null, NotFound());
        }

        return (place, item, null);
    }

    private static InvokeResponse NotFound() => CardResponses.Error("ItemNotFound", ImprovementStrings.ErrorItemNotFound);

    private static ImprovementCardDataContext Data => ImprovementCardDataContext.Default;

    private static FieldChange Refuse(string code, string message) => new(null, null, CardResponses.Error(code, message));

    private sealed record FieldChange(string? Wanted, Func<ImprovementItem, ImprovementItem>? Apply, InvokeResponse? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Improvement item {ItemId}: {Field} changed")]
    private partial void LogChanged(string itemId, string field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Improvement item {ItemId}: change of {Field} refused, changed meanwhile")]
    private partial void LogConflict(string itemId, string field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for improvement item {ItemId} refused: not an item of this conversation's scope")]
    private partial void LogNotFound(string itemId);
}
