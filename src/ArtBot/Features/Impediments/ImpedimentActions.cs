using ArtBot.Features.Common;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Answers the impediment card's Universal Actions: take ownership, choose and set the owner, ROAM, escalate,
/// resolve, reopen. Each change goes through <see cref="IImpedimentStore.UpdateAsync"/> (re-applied on fresh state
/// after a concurrent edit) and answers with the refreshed card; the shared card is updated after the answer. Bad
/// input is an error Teams shows on the card; a change the rules refuse shows the current card with the reason.
/// </summary>
public sealed partial class ImpedimentActions(
    IImpedimentStore store,
    SharedImpedimentCards sharedCards,
    ImpedimentRaising raising,
    ConversationPeople people,
    IImpedimentEscalation escalation,
    TimeProvider time,
    ILogger<ImpedimentActions> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Verb(ImpedimentCard.RaiseVerb, RaiseAsync)
        .Verb(ImpedimentCard.ShowVerb, ShowAsync)
        .Verb(ImpedimentCard.TakeVerb, (turn, data, ct) => ChangeAsync(turn, Named(data), ImpedimentStrings.NoticeYouOwn, (i, actor, _) => ImpedimentLifecycle.TakeOwnership(i, actor), ct))
        .Verb(ImpedimentCard.ChooseOwnerVerb, ChooseOwnerAsync)
        .Verb(ImpedimentCard.SetOwnerVerb, SetOwnerAsync)
        .Verb(ImpedimentCard.RoamVerb, RoamAsync)
        .Verb(ImpedimentCard.EscalateVerb, EscalateAsync)
        .Verb(ImpedimentCard.ResolveVerb, ResolveAsync)
        .Verb(ImpedimentCard.ReopenVerb, (turn, data, ct) => ChangeAsync(turn, Named(data), ImpedimentStrings.NoticeReopened, (i, actor, _) => ImpedimentLifecycle.Reopen(i, actor), ct));

    /// <summary>
    /// "Raise" on the form <c>impediment</c> answers with: checked like the dialog, stored once per form (a second click
    /// stores nothing new), the form replaced by what happened and the impediment's card posted below.
    /// </summary>
    private async Task<InvokeResponse> RaiseAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var submitted = ImpedimentRaising.Read(CardData.Read(data, Data.ImpedimentRaiseData));
        if (ImpedimentRaising.Refusal(submitted) is { } again)
        {
            return Card(ImpedimentDialog.Build(again, ImpedimentCard.RaiseVerb));
        }

        if (ImpedimentScope.Actor(turn.Activity) is not { } actor)
        {
            return Error("UnknownUser", ImpedimentStrings.ErrorUnknownUser);
        }

        var key = "form:" + (turn.Activity.ReplyToId ?? turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var raised = await raising.RaiseAsync(turn.Activity, actor, submitted, key, cancellationToken);
        if (raised is null)
        {
            return Card(ImpedimentDialog.Build(submitted with { Notice = ImpedimentStrings.MessageSaveFailed, NoticeIsError = true }, ImpedimentCard.RaiseVerb));
        }

        var done = raised.Created
            ? Localized.Format(raised.Impediment.Kind == ImpedimentKind.Risk ? ImpedimentStrings.MessageRaisedRisk : ImpedimentStrings.MessageRaisedImpediment, raised.Impediment.Title)
            : Localized.Format(ImpedimentStrings.MessageAlreadyRaised, raised.Impediment.Title);
        return Card(new AdaptiveCard { Body = [CardNotice.Of(PlainText.EscapeMarkdown(done), "Good")], FallbackText = done });
    }

    /// <summary>"Open" on a list: the impediment's own card, with its actions.</summary>
    private async Task<InvokeResponse> ShowAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (impediment, _, error) = await FindAsync(turn, Named(data), cancellationToken);
        return impediment is null ? error! : Card(ImpedimentCard.Build(impediment, time.GetUtcNow()));
    }

    private async Task<InvokeResponse> ChooseOwnerAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (impediment, actor, error) = await FindAsync(turn, Named(data), cancellationToken);
        if (impediment is null)
        {
            return error!;
        }

        if (!impediment.IsOpen)
        {
            return Card(ImpedimentCard.Build(impediment, time.GetUtcNow(), ImpedimentStrings.NoticeReopenBeforeOwner, noticeIsError: true));
        }

        var choices = await people.ListAsync(turn.Activity, ImpedimentScope.Of(turn.Activity), impediment, actor!, cancellationToken);
        return Card(ImpedimentCard.Build(impediment, time.GetUtcNow(), ownerChoices: choices));
    }

    private Task<InvokeResponse> SetOwnerAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var chosen = CardData.Read(data, Data.ImpedimentOwnerData);
        var ownerId = chosen.OwnerId;
        var name = ownerId is { Length: > 0 } && chosen.People?.GetValueOrDefault(ownerId) is { } offered ? offered : null;
        if (name is null)
        {
            // Only someone the card offered (the conversation's members, or the people the impediment knows).
            return Task.FromResult(Error("InvalidOwner", ImpedimentStrings.ErrorInvalidOwner));
        }

        var owner = new Person(ownerId!, name);
        return ChangeAsync(turn, chosen.ImpedimentId, Localized.Format(ImpedimentStrings.NoticeOwnerSet, owner.DisplayName), (i, actor, _) => ImpedimentLifecycle.SetOwner(i, actor, owner), cancellationToken);
    }

    private Task<InvokeResponse> RoamAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var chosen = CardData.Read(data, Data.ImpedimentRoamData);
        if (!ImpedimentRules.TryParseRoam(chosen.Chosen(), out var roam))
        {
            return Task.FromResult(Error("InvalidRoam", ImpedimentStrings.ErrorInvalidRoam));
        }

        return ChangeAsync(turn, chosen.ImpedimentId, Localized.Format(ImpedimentStrings.NoticeRoamSet, ImpedimentCard.RoamName(roam)), (i, actor, now) => ImpedimentLifecycle.SetRoam(i, actor, roam, now), cancellationToken);
    }

    private Task<InvokeResponse> ResolveAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var resolved = CardData.Read(data, Data.ImpedimentResolveData);
        var note = ImpedimentRules.CheckNote(resolved.Note);
        if (!note.IsOk)
        {
            return Task.FromResult(Error("InvalidNote", note.Error!));
        }

        return ChangeAsync(turn, resolved.ImpedimentId, ImpedimentStrings.NoticeResolved, (i, actor, now) => ImpedimentLifecycle.Resolve(i, actor, note.Value, now), cancellationToken);
    }

    private async Task<InvokeResponse> EscalateAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var response = await ChangeCoreAsync(turn, Named(data), null,
            (i, actor, now) => ImpedimentLifecycle.Escalate(i, actor, now, escalation.TargetName(i)), cancellationToken);
        if (response.Updated is { } escalated)
        {
            var actor = ImpedimentScope.Actor(turn.Activity)!;
            var origin = turn.Activity;
            _ = Task.Run(async () =>
            {
                try
                {
                    await escalation.EscalateAsync(escalated, actor, origin, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    LogEscalationFailed(exception, escalated.Id);
                }
            }, CancellationToken.None);
            return Card(ImpedimentCard.Build(escalated, time.GetUtcNow(), escalation.Notice(escalated)));
        }

        return response.Answer;
    }

    private async Task<InvokeResponse> ChangeAsync(
        TurnContext turn, string? id, string? done, Func<Impediment, Person, DateTimeOffset, ImpedimentChange> rule, CancellationToken cancellationToken) =>
        (await ChangeCoreAsync(turn, id, done, rule, cancellationToken)).Answer;

    private async Task<(InvokeResponse Answer, Impediment? Updated)> ChangeCoreAsync(
        TurnContext turn, string? id, string? done, Func<Impediment, Person, DateTimeOffset, ImpedimentChange> rule, CancellationToken cancellationToken)
    {
        if (!ImpedimentIds.IsWellFormed(id))
        {
            return (NotFound(), null);
        }

        if (ImpedimentScope.Actor(turn.Activity) is not { } actor)
        {
            return (Error("UnknownUser", ImpedimentStrings.ErrorUnknownUser), null);
        }

        var scope = ImpedimentScope.Of(turn.Activity);
        var now = time.GetUtcNow();
        var result = await store.UpdateAsync(scope.TenantId, scope.ScopeId, id!, actor, current => rule(current, actor, now), cancellationToken);
        switch (result.Status)
        {
            case ImpedimentUpdateStatus.Updated:
                sharedCards.Schedule(result.Impediment!);
                LogChanged(id!, turn.Activity.Value is { } value ? VerbOf(value) : "?");
                return (Card(ImpedimentCard.Build(result.Impediment!, time.GetUtcNow(), done, viewerId: actor.Id)), result.Impediment);
            case ImpedimentUpdateStatus.NotFound:
                LogNotFound(id!);
                return (NotFound(), null);
            default:
                // Refused by the rules on the current state, or repeated concurrent edits: nothing changed; say why.
                return (result.Impediment is { } current
                    ? Card(ImpedimentCard.Build(current, time.GetUtcNow(), result.Message, noticeIsError: true))
                    : Error("Conflict", result.Message ?? ImpedimentStrings.ErrorNothingChanged), null);
        }
    }

    private async Task<(Impediment? Impediment, Person? Actor, InvokeResponse? Error)> FindAsync(TurnContext turn, string? id, CancellationToken cancellationToken)
    {
        if (!ImpedimentIds.IsWellFormed(id))
        {
            return (null, null, NotFound());
        }

        if (ImpedimentScope.Actor(turn.Activity) is not { } actor)
        {
            return (null, null, Error("UnknownUser", ImpedimentStrings.ErrorUnknownUser));
        }

        var scope = ImpedimentScope.Of(turn.Activity);
        var impediment = await store.GetAsync(scope.TenantId, scope.ScopeId, id!, cancellationToken);
        if (impediment is null)
        {
            LogNotFound(id!);
            return (null, null, NotFound());
        }

        return (impediment, actor, null);
    }

    private static string VerbOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString()! : "?";

    /// <summary>The impediment named by the data of a button that names only it.</summary>
    private static string? Named(JsonElement? data) => CardData.Read(data, Data.ImpedimentData).ImpedimentId;

    private static ImpedimentCardDataContext Data => ImpedimentCardDataContext.Default;

    private static InvokeResponse NotFound() => Error("ImpedimentNotFound", ImpedimentStrings.ErrorNotFound);

    private static InvokeResponse Error(string code, string message) => CardResponses.Error(code, message);

    private static InvokeResponse Card(AdaptiveCard card) => CardResponses.Card(card);

    [LoggerMessage(Level = LogLevel.Information, Message = "Impediment {ImpedimentId} changed ({Verb})")]
    private partial void LogChanged(string impedimentId, string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for impediment {ImpedimentId} refused: not an impediment of this tenant and scope")]
    private partial void LogNotFound(string impedimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation of impediment {ImpedimentId} not sent")]
    private partial void LogEscalationFailed(Exception exception, string impedimentId);
}
