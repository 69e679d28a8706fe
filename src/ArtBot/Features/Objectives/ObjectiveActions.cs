using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Objectives;

/// <summary>
/// The objectives cards' Universal Actions: show a team's (or every team's) card, add an objective, edit one (text and
/// commitment, while the objectives are open), choose the features it covers (its team's of the current PI, while
/// open), set its planned business value (Business Owners and RTEs, while open)
/// and its actual value (from the PI's last iteration), and show its history. Every change is ETag-guarded with its
/// history entry: a concurrent change to another field is merged by retrying, a change to the same field made meanwhile
/// is refused with the current card, a redelivered add or edit changes nothing. Bad input changes nothing and says why.
/// </summary>
public sealed partial class ObjectiveActions(ArtContext arts, ObjectiveViews views, ILogger<ObjectiveActions> logger) : IBotFeature
{
    private const int MaxAttempts = 5;

    public void Register(FeatureTable table) => table
        .Verb(TeamObjectivesCard.ShowVerb, ShowAsync)
        .Verb(TeamObjectivesCard.AddVerb, AddAsync)
        .Verb(TeamObjectivesCard.EditVerb, EditAsync)
        .Verb(TeamObjectivesCard.PlannedVerb, (turn, data, ct) => SetValueAsync(turn, CardData.Read(data, Data.ObjectiveValueData), ObjectiveEdits.Planned, ct))
        .Verb(TeamObjectivesCard.ActualVerb, (turn, data, ct) => SetValueAsync(turn, CardData.Read(data, Data.ObjectiveValueData), ObjectiveEdits.Actual, ct))
        .Verb(TeamObjectivesCard.HistoryVerb, HistoryAsync)
        .Verb(TeamObjectivesCard.FeaturesVerb, FeaturesAsync)
        .Verb(TeamObjectivesCard.CoverVerb, CoverAsync);

    private async Task<InvokeResponse> ShowAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, team, error) = await ResolveAsync(turn, CardData.Read(data, Data.ObjectivesShowData).Team, teamRequired: false, cancellationToken);
        return place is null ? error!
            : team is null ? CardResponses.Card(await views.ArtAsync(place, cancellationToken))
            : CardResponses.Card(await views.TeamAsync(place, team, null, null, cancellationToken));
    }

    private async Task<InvokeResponse> AddAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var added = CardData.Read(data, Data.ObjectiveAddData);
        var (place, team, error) = await ResolveAsync(turn, added.Team, teamRequired: true, cancellationToken);
        if (place is null || team is null)
        {
            return error!;
        }

        if (Refusal(place, team, ObjectiveEdits.Content) is { } refusal)
        {
            return refusal;
        }

        var text = ObjectiveRules.CheckText(added.Text);
        if (!text.IsValid)
        {
            return CardResponses.Error("InvalidObjective", text.Error!);
        }

        IReadOnlyList<string> covered = [];
        if (ObjectiveFeatures.Parse(added.Features) is { Count: > 0 } chosen)
        {
            var features = ObjectiveFeatures.Check(chosen, ObjectiveFeatures.Choosable(team, await views.FeaturesAsync(place.Art, cancellationToken)), [], team);
            if (!features.IsValid)
            {
                return CardResponses.Error("UnknownFeature", features.Error!);
            }

            covered = features.Value;
        }

        var pi = place.Art.CurrentPi!;
        var current = await views.CurrentAsync(place.Art, cancellationToken);
        if (current.Count(o => o.TeamConversationId == team.ConversationId) >= ObjectiveRules.MaxPerTeam)
        {
            return CardResponses.Error("TooManyObjectives", Localized.Format(ObjectiveStrings.ErrorTooMany, ObjectiveRules.MaxPerTeam));
        }

        var now = place.Turn.Now;
        var objective = new PiObjective
        {
            Id = PlanIds.Objective(place.Art.TenantId, place.Art.Id, team.ConversationId, turn.Activity.Id ?? Guid.NewGuid().ToString("N")),
            TenantId = place.Art.TenantId,
            ArtId = place.Art.Id,
            TeamConversationId = team.ConversationId,
            TeamName = team.TeamName,
            Pi = pi.Name,
            PiStart = pi.Start,
            Text = text.Value,
            Committed = !CardData.IsOn(added.Stretch),
            FeatureIds = covered,
            CreatedBy = place.Turn.Actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var created = await views.Store.CreateAsync(objective, new PlanChange(now, place.Turn.Actor, ObjectiveField.Created, null, ObjectiveRules.Commitment(objective.Committed)), cancellationToken);
        if (created)
        {
            LogAdded(place.Art.Id, objective.Id);
        }

        return CardResponses.Card(await views.TeamAsync(place, team, created ? ObjectiveStrings.NoticeAdded : ObjectiveStrings.NoticeAlreadyAdded, null, cancellationToken));
    }

    private Task<InvokeResponse> EditAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var edited = CardData.Read(data, Data.ObjectiveEditData);
        var text = ObjectiveRules.CheckText(edited.Text());
        var committed = !CardData.IsOn(edited.Stretch());
        return !text.IsValid
            ? Task.FromResult(CardResponses.Error("InvalidObjective", text.Error!))
            : ChangeAsync(turn, new(edited.Team, edited.Id, edited.Seen), ObjectiveEdits.Content, o => o with { Text = text.Value, Committed = committed }, cancellationToken);
    }

    private Task<InvokeResponse> SetValueAsync(TurnContext turn, ObjectiveValueData data, string edit, CancellationToken cancellationToken)
    {
        var raw = data.Value();
        var value = edit == ObjectiveEdits.Planned ? ObjectiveRules.CheckPlanned(raw) : ObjectiveRules.CheckActual(raw);
        return !value.IsValid
            ? Task.FromResult(CardResponses.Error("InvalidValue", value.Error!))
            : ChangeAsync(turn, new(data.Team, data.Id, data.Seen), edit, o => edit == ObjectiveEdits.Planned ? o with { PlannedValue = value.Value } : o with { ActualValue = value.Value }, cancellationToken);
    }

    private async Task<InvokeResponse> HistoryAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read(data, Data.ObjectiveHistoryData);
        var (place, team, objective, error) = await FindAsync(turn, new(asked.Team, asked.Id, null), cancellationToken);
        if (objective is null)
        {
            return error!;
        }

        var history = await views.Store.GetHistoryAsync(place!.Art.TenantId, place.Art.Id, objective.Id, cancellationToken);
        return CardResponses.Card(ObjectiveHistoryCard.Build(team!, objective, history));
    }

    private async Task<InvokeResponse> FeaturesAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read(data, Data.ObjectiveFeaturesData);
        var (place, team, objective, error) = await FindAsync(turn, new(asked.Team, asked.Id, null), cancellationToken);
        return objective is null ? error!
            : Refusal(place!, team!, ObjectiveEdits.Features) ?? CardResponses.Card(await views.FeaturesCardAsync(team!, objective, place!.Art, cancellationToken));
    }

    private async Task<InvokeResponse> CoverAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, Data.ObjectiveFeaturesData);
        var named = new Named(sent.Team, sent.Id, sent.Seen);
        var (place, team, objective, error) = await FindAsync(turn, named, cancellationToken);
        if (objective is null)
        {
            return error!;
        }

        if (Refusal(place!, team!, ObjectiveEdits.Features) is { } refusal)
        {
            return refusal;
        }

        var features = await views.FeaturesAsync(place!.Art, cancellationToken);
        var chosen = ObjectiveFeatures.Check(ObjectiveFeatures.Parse(sent.Features()), ObjectiveFeatures.Choosable(team!, features), objective.FeatureIds, team!);
        return !chosen.IsValid
            ? CardResponses.Error("UnknownFeature", chosen.Error!)
            : await ApplyAsync(place, team!, objective, named.Seen, ObjectiveEdits.Features, o => o with { FeatureIds = chosen.Value }, ObjectiveFeatures.Titles(features), cancellationToken);
    }

    /// <summary>Applies one edit on fresh state: re-read and re-checked after a concurrent change, never overwriting it.</summary>
    private async Task<InvokeResponse> ChangeAsync(TurnContext turn, Named named, string edit, Func<PiObjective, PiObjective> apply, CancellationToken cancellationToken)
    {
        var (place, team, objective, error) = await FindAsync(turn, named, cancellationToken);
        return objective is null ? error! : await ApplyAsync(place!, team!, objective, named.Seen, edit, apply, null, cancellationToken);
    }

    private async Task<InvokeResponse> ApplyAsync(
        ArtPlace place, ArtTeam team, PiObjective? objective, string? seen, string edit, Func<PiObjective, PiObjective> apply,
        IReadOnlyDictionary<string, string>? featureTitles, CancellationToken cancellationToken)
    {
        if (Refusal(place, team, edit) is { } refusal)
        {
            return refusal;
        }

        for (var attempt = 1; attempt <= MaxAttempts && objective is not null; attempt++)
        {
            var wanted = apply(objective);
            var stored = ObjectiveEdits.Seen(edit, objective);
            if (stored == ObjectiveEdits.Seen(edit, wanted))
            {
                return CardResponses.Card(await views.TeamAsync(place, team, ObjectiveStrings.NoticeSaved, null, cancellationToken));
            }

            if (seen is not null && !ObjectiveEdits.ShowedStored(edit, seen, objective))
            {
                LogConflict(objective.Id, edit);
                return CardResponses.Card(await views.TeamAsync(place, team,
                    Localized.Format(ObjectiveStrings.NoticeConflict, TeamObjectivesCard.Describe(objective, null)),
                    "Attention", cancellationToken));
            }

            var now = place.Turn.Now;
            var updated = wanted with { UpdatedAt = now };
            if (await views.Store.UpdateAsync(updated, ObjectiveRules.Changes(objective, updated, place.Turn.Actor, now, featureTitles), cancellationToken) is not null)
            {
                LogChanged(objective.Id, edit);
                return CardResponses.Card(await views.TeamAsync(place, team, ObjectiveStrings.NoticeSaved, null, cancellationToken));
            }

            objective = await views.Store.GetAsync(place.Art.TenantId, place.Art.Id, objective.Id, cancellationToken);
        }

        return objective is null
            ? NotFound()
            : CardResponses.Error("Busy", ObjectiveStrings.ErrorBusy);
    }

    /// <summary>Why the person acting may not make this edit now; null when they may.</summary>
    private static InvokeResponse? Refusal(ArtPlace place, ArtTeam team, string edit)
    {
        var pi = place.Art.CurrentPi!;
        return edit switch
        {
            ObjectiveEdits.Content or ObjectiveEdits.Features when !ObjectiveRules.IsOpenForEdits(place.Art, place.Today) => CardResponses.Error("ObjectivesLocked",
                Localized.Format(ObjectiveStrings.ErrorLocked, pi.Name, Day(pi.Start))),
            ObjectiveEdits.Content or ObjectiveEdits.Features when place.Team is null && !place.IsRte => CardResponses.Error("NotThisTeam",
                Localized.Format(ObjectiveStrings.ErrorNotThisTeam, team.TeamName)),
            ObjectiveEdits.Planned or ObjectiveEdits.Actual when !place.MaySetValues => CardResponses.Error("NotABusinessOwner",
                BusinessOwnersOnly(place.Art)),
            ObjectiveEdits.Planned when !ObjectiveRules.IsOpenForEdits(place.Art, place.Today) => CardResponses.Error("ObjectivesLocked",
                Localized.Format(ObjectiveStrings.ErrorPlannedLocked, pi.Name, Day(pi.Start))),
            ObjectiveEdits.Actual when !ObjectiveRules.IsOpenForActuals(place.Art, place.Today) => CardResponses.Error("TooEarly",
                Localized.Format(ObjectiveStrings.ErrorTooEarly, Day(ObjectiveRules.ActualsFrom(place.Art)))),
            _ => null,
        };
    }

    private static string BusinessOwnersOnly(Art art) => art.BusinessOwners.Count == 0
        ? ObjectiveStrings.ErrorNoBusinessOwners
        : Localized.Format(ObjectiveStrings.ErrorBusinessOwnersOnly, art.Name, string.Join(", ", art.BusinessOwners.Select(b => b.DisplayName)));

    /// <summary>A date in a message, "2026-12-03" in English.</summary>
    private static string Day(DateOnly date) => date.ToString(ObjectiveStrings.DatePattern, Localized.Culture);

    private async Task<(ArtPlace? Place, ArtTeam? Team, InvokeResponse? Error)> ResolveAsync(
        TurnContext turn, string? named, bool teamRequired, CancellationToken cancellationToken)
    {
        if (await ArtPlace.ResolveAsync(new ArtTurn(turn, arts), cancellationToken) is not { } place)
        {
            return (null, null, CardResponses.Error("NotInArt", CommonStrings.NotInAnArt));
        }

        if (place.Art.CurrentPi is null)
        {
            return (null, null, CardResponses.Error("NoPi", ObjectiveCommands.NoPi));
        }

        var team = place.TeamFor(named);
        if (team is null && (teamRequired || named is not null))
        {
            return (null, null, CardResponses.Error("UnknownTeam", ObjectiveStrings.ErrorUnknownTeam));
        }

        return (place, team, null);
    }

    private async Task<(ArtPlace? Place, ArtTeam? Team, PiObjective? Objective, InvokeResponse? Error)> FindAsync(
        TurnContext turn, Named named, CancellationToken cancellationToken)
    {
        var id = named.Id;
        if (!PlanIds.IsWellFormed(id))
        {
            return (null, null, null, NotFound());
        }

        var (place, team, error) = await ResolveAsync(turn, named.Team, teamRequired: true, cancellationToken);
        if (place is null || team is null)
        {
            return (null, null, null, error);
        }

        var objective = await views.Store.GetAsync(place.Art.TenantId, place.Art.Id, id!, cancellationToken);
        if (objective is null || objective.TeamConversationId != team.ConversationId)
        {
            LogNotFound(id!);
            return (null, null, null, NotFound());
        }

        return (place, team, objective, null);
    }

    private static InvokeResponse NotFound() => CardResponses.Error("ObjectiveNotFound", ObjectiveStrings.ErrorNotFound);

    private static ObjectiveCardDataContext Data => ObjectiveCardDataContext.Default;

    /// <summary>The objective a button names: its team, its id, and what the card showed of the field it changes.</summary>
    private sealed record Named(string? Team, string? Id, string? Seen);

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: objective {ObjectiveId} added")]
    private partial void LogAdded(string artId, string objectiveId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objective {ObjectiveId}: {Edit} changed")]
    private partial void LogChanged(string objectiveId, string edit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objective {ObjectiveId}: {Edit} refused, changed meanwhile")]
    private partial void LogConflict(string objectiveId, string edit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for objective {ObjectiveId} refused: not an objective of this channel's ART and team")]
    private partial void LogNotFound(string objectiveId);
}
