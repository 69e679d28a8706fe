using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Features.Arts;
using ArtBot.Features.Common;

namespace ArtBot.Features.Objectives;

/// <summary>
/// The objectives cards' Universal Actions: show a team's (or every team's) card, add an objective, edit one (text and
/// commitment, while the objectives are open), set its planned business value (Business Owners and RTEs, while open)
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
        .Verb(TeamObjectivesCard.PlannedVerb, (turn, data, ct) => SetValueAsync(turn, data, ObjectiveEdits.Planned, ct))
        .Verb(TeamObjectivesCard.ActualVerb, (turn, data, ct) => SetValueAsync(turn, data, ObjectiveEdits.Actual, ct))
        .Verb(TeamObjectivesCard.HistoryVerb, HistoryAsync);

    private async Task<InvokeResponse> ShowAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, team, error) = await ResolveAsync(turn, data, teamRequired: false, cancellationToken);
        return place is null ? error!
            : team is null ? CardResponses.Card(await views.ArtAsync(place, cancellationToken))
            : CardResponses.Card(await views.TeamAsync(place, team, null, null, cancellationToken));
    }

    private async Task<InvokeResponse> AddAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, team, error) = await ResolveAsync(turn, data, teamRequired: true, cancellationToken);
        if (place is null || team is null)
        {
            return error!;
        }

        if (Refusal(place, team, ObjectiveEdits.Content) is { } refusal)
        {
            return refusal;
        }

        var text = ObjectiveRules.CheckText(CardData.Text(data, TeamObjectivesCard.InputFor(TeamObjectivesCard.TextInput, "new")));
        if (!text.IsValid)
        {
            return CardResponses.Error("InvalidObjective", text.Error!);
        }

        var pi = place.Art.CurrentPi!;
        var current = await views.CurrentAsync(place.Art, cancellationToken);
        if (current.Count(o => o.TeamConversationId == team.ConversationId) >= ObjectiveRules.MaxPerTeam)
        {
            return CardResponses.Error("TooManyObjectives", $"A team has at most {ObjectiveRules.MaxPerTeam} objectives in a PI; edit one instead.");
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
            Committed = !CardData.Flag(data, TeamObjectivesCard.InputFor(TeamObjectivesCard.StretchInput, "new")),
            CreatedBy = place.Turn.Actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var created = await views.Store.CreateAsync(objective, new PlanChange(now, place.Turn.Actor, ObjectiveField.Created, null, ObjectiveRules.Commitment(objective.Committed)), cancellationToken);
        if (created)
        {
            LogAdded(place.Art.Id, objective.Id);
        }

        return CardResponses.Card(await views.TeamAsync(place, team, created ? "Objective added." : "Already added.", null, cancellationToken));
    }

    private Task<InvokeResponse> EditAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var id = CardData.Text(data, "id") ?? "";
        var text = ObjectiveRules.CheckText(CardData.Text(data, TeamObjectivesCard.InputFor(TeamObjectivesCard.TextInput, id)));
        var committed = !CardData.Flag(data, TeamObjectivesCard.InputFor(TeamObjectivesCard.StretchInput, id));
        return !text.IsValid
            ? Task.FromResult(CardResponses.Error("InvalidObjective", text.Error!))
            : ChangeAsync(turn, data, ObjectiveEdits.Content, o => o with { Text = text.Value, Committed = committed }, cancellationToken);
    }

    private Task<InvokeResponse> SetValueAsync(TurnContext turn, JsonElement? data, string edit, CancellationToken cancellationToken)
    {
        var raw = CardData.Text(data, TeamObjectivesCard.InputFor(TeamObjectivesCard.ValueInput, CardData.Text(data, "id") ?? ""));
        var value = edit == ObjectiveEdits.Planned ? ObjectiveRules.CheckPlanned(raw) : ObjectiveRules.CheckActual(raw);
        return !value.IsValid
            ? Task.FromResult(CardResponses.Error("InvalidValue", value.Error!))
            : ChangeAsync(turn, data, edit, o => edit == ObjectiveEdits.Planned ? o with { PlannedValue = value.Value } : o with { ActualValue = value.Value }, cancellationToken);
    }

    private async Task<InvokeResponse> HistoryAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, team, objective, error) = await FindAsync(turn, data, cancellationToken);
        if (objective is null)
        {
            return error!;
        }

        var history = await views.Store.GetHistoryAsync(place!.Art.TenantId, place.Art.Id, objective.Id, cancellationToken);
        return CardResponses.Card(ObjectiveHistoryCard.Build(team!, objective, history));
    }

    /// <summary>Applies one edit on fresh state: re-read and re-checked after a concurrent change, never overwriting it.</summary>
    private async Task<InvokeResponse> ChangeAsync(TurnContext turn, JsonElement? data, string edit, Func<PiObjective, PiObjective> apply, CancellationToken cancellationToken)
    {
        var (place, team, objective, error) = await FindAsync(turn, data, cancellationToken);
        if (objective is null)
        {
            return error!;
        }

        if (Refusal(place!, team!, edit) is { } refusal)
        {
            return refusal;
        }

        var seen = CardData.Text(data, "seen");
        for (var attempt = 1; attempt <= MaxAttempts && objective is not null; attempt++)
        {
            var wanted = apply(objective);
            var stored = ObjectiveEdits.Seen(edit, objective);
            if (stored == ObjectiveEdits.Seen(edit, wanted))
            {
                return CardResponses.Card(await views.TeamAsync(place!, team!, "Saved.", null, cancellationToken));
            }

            if (seen is not null && seen != stored)
            {
                LogConflict(objective.Id, edit);
                return CardResponses.Card(await views.TeamAsync(place!, team!,
                    $"Not saved: someone changed this objective meanwhile. It now reads: {TeamObjectivesCard.Describe(objective, null)}. Check it and try again.",
                    "Attention", cancellationToken));
            }

            var now = place!.Turn.Now;
            var updated = wanted with { UpdatedAt = now };
            if (await views.Store.UpdateAsync(updated, ObjectiveRules.Changes(objective, updated, place.Turn.Actor, now), cancellationToken) is not null)
            {
                LogChanged(objective.Id, edit);
                return CardResponses.Card(await views.TeamAsync(place, team!, "Saved.", null, cancellationToken));
            }

            objective = await views.Store.GetAsync(place.Art.TenantId, place.Art.Id, objective.Id, cancellationToken);
        }

        return objective is null
            ? NotFound()
            : CardResponses.Error("Busy", "The objective is being changed by others right now; nothing was saved. Please try again.");
    }

    /// <summary>Why the person acting may not make this edit now; null when they may.</summary>
    private static InvokeResponse? Refusal(ArtPlace place, ArtTeam team, string edit)
    {
        var pi = place.Art.CurrentPi!;
        return edit switch
        {
            ObjectiveEdits.Content when !ObjectiveRules.IsOpenForEdits(place.Art, place.Today) => CardResponses.Error("ObjectivesLocked",
                $"The objectives of {pi.Name} are locked since the PI started on {pi.Start:yyyy-MM-dd}; an RTE can reopen them with `objectives reopen`."),
            ObjectiveEdits.Content when place.Team is null && !place.IsRte => CardResponses.Error("NotThisTeam",
                $"{team.TeamName} changes its objectives in its own channel."),
            ObjectiveEdits.Planned or ObjectiveEdits.Actual when !place.MaySetValues => CardResponses.Error("NotABusinessOwner",
                BusinessOwnersOnly(place.Art)),
            ObjectiveEdits.Planned when !ObjectiveRules.IsOpenForEdits(place.Art, place.Today) => CardResponses.Error("ObjectivesLocked",
                $"The planned business values of {pi.Name} are locked since the PI started on {pi.Start:yyyy-MM-dd}; an RTE can reopen them with `objectives reopen`."),
            ObjectiveEdits.Actual when !ObjectiveRules.IsOpenForActuals(place.Art, place.Today) => CardResponses.Error("TooEarly",
                $"Actual business values are entered from the PI's last iteration, which starts on {ObjectiveRules.ActualsFrom(place.Art):yyyy-MM-dd}."),
            _ => null,
        };
    }

    private static string BusinessOwnersOnly(Art art) => art.BusinessOwners.Count == 0
        ? "Only Business Owners (and RTEs) set business values, and this ART has no Business Owners yet: an RTE names them with `art bo add @person`."
        : $"Only the Business Owners of {art.Name} ({string.Join(", ", art.BusinessOwners.Select(b => b.DisplayName))}) and its RTEs set business values.";

    private async Task<(ArtPlace? Place, ArtTeam? Team, InvokeResponse? Error)> ResolveAsync(
        TurnContext turn, JsonElement? data, bool teamRequired, CancellationToken cancellationToken)
    {
        if (await ArtPlace.ResolveAsync(new ArtTurn(turn, arts), cancellationToken) is not { } place)
        {
            return (null, null, CardResponses.Error("NotInArt", ArtCommands.NotInAnArt));
        }

        if (place.Art.CurrentPi is null)
        {
            return (null, null, CardResponses.Error("NoPi", ObjectiveCommands.NoPi));
        }

        var named = CardData.Text(data, "team");
        var team = place.TeamFor(named);
        if (team is null && (teamRequired || named is not null))
        {
            return (null, null, CardResponses.Error("UnknownTeam", "This card names a team that is not one of this ART's teams, or not this channel's team."));
        }

        return (place, team, null);
    }

    private async Task<(ArtPlace? Place, ArtTeam? Team, PiObjective? Objective, InvokeResponse? Error)> FindAsync(
        TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var id = CardData.Text(data, "id");
        if (!PlanIds.IsWellFormed(id))
        {
            return (null, null, null, NotFound());
        }

        var (place, team, error) = await ResolveAsync(turn, data, teamRequired: true, cancellationToken);
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

    private static InvokeResponse NotFound() => CardResponses.Error("ObjectiveNotFound", "This objective does not exist in this team of this ART.");

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: objective {ObjectiveId} added")]
    private partial void LogAdded(string artId, string objectiveId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objective {ObjectiveId}: {Edit} changed")]
    private partial void LogChanged(string objectiveId, string edit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objective {ObjectiveId}: {Edit} refused, changed meanwhile")]
    private partial void LogConflict(string objectiveId, string edit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for objective {ObjectiveId} refused: not an objective of this channel's ART and team")]
    private partial void LogNotFound(string objectiveId);
}
