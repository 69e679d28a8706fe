using System.Globalization;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Board;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>
/// The backlog cards' Universal Actions: add a feature (Product Managers and RTEs), page the PI's features, show and save
/// a team's plan (each changed part moved through <see cref="FeaturePlanning.MoveAsync"/> from where the card showed it,
/// so a part someone moved meanwhile is reported and not overwritten; each changed capacity figure set), and take a
/// milestone off the board. Bad input changes nothing and says why.
/// </summary>
public sealed partial class BacklogActions(ArtContext arts, BacklogViews views, ILogger<BacklogActions> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Verb(FeatureFormCard.AddVerb, AddFeatureAsync)
        .Verb(FeatureListCard.ShowVerb, ShowFeaturesAsync)
        .Verb(TeamPlanCard.ShowVerb, ShowPlanAsync)
        .Verb(TeamPlanCard.SaveVerb, SavePlanAsync)
        .Verb(MilestoneListCard.RemoveVerb, RemoveMilestoneAsync);

    private async Task<InvokeResponse> AddFeatureAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, error) = await ResolveAsync(turn, cancellationToken);
        if (place is null)
        {
            return error!;
        }

        if (!BacklogViews.KeepsBacklog(place))
        {
            return CardResponses.Error("NotAProductManager", BacklogViews.OnlyBacklogKeepers(place.Art));
        }

        var asked = CardData.Read(data, Data.FeatureAddData);
        var title = (asked.Title ?? "").Trim();
        if (title.Length is 0 or > Feature.MaxTitle || asked.Description?.Trim().Length > Feature.MaxDescription)
        {
            return CardResponses.Error("InvalidFeature", Localized.Format(BacklogStrings.ErrorTitle, Feature.MaxTitle, Feature.MaxDescription));
        }

        int? businessValue = null;
        if (asked.BusinessValue is { Length: > 0 } rawValue)
        {
            if (!int.TryParse(rawValue.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 10)
            {
                return CardResponses.Error("InvalidBusinessValue", BacklogStrings.FormBusinessValueError);
            }

            businessValue = value;
        }

        string?[] inputs = [asked.WsjfValue, asked.WsjfCriticality, asked.WsjfRisk, asked.WsjfSize];
        var numbers = inputs.Select(i => int.TryParse(i?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Wsjf.Scale.Contains(n) ? n : (int?)null).ToList();
        var given = inputs.Count(i => i is { Length: > 0 });
        if (given > 0 && numbers.Any(n => n is null))
        {
            return CardResponses.Error("InvalidWsjf", Localized.Format(BacklogStrings.ErrorWsjf, string.Join(", ", Wsjf.Scale)));
        }

        var wsjf = given == 0 ? null : new Wsjf(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        var chosen = (asked.Teams ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var teams = chosen.Select(id => place.Teams.FirstOrDefault(t => t.ConversationId == id)).ToList();
        if (teams.Any(t => t is null) || teams.Count > Feature.MaxParts)
        {
            return CardResponses.Error("UnknownTeam", BacklogStrings.ErrorTeams);
        }

        var key = "activity:" + (turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var added = await views.Planning.AddFeatureAsync(place.Art, key, title, asked.Description, businessValue, teams!, place.Turn.Actor, cancellationToken);
        if (added is not { Outcome: PlanOutcome.Done, Feature: { } feature })
        {
            return CardResponses.Error("InvalidFeature", Localized.Format(BacklogStrings.ErrorTitle, Feature.MaxTitle, Feature.MaxDescription));
        }

        if (wsjf is not null)
        {
            await views.Planning.RateAsync(place.Art, feature.Id, businessValue, wsjf, place.Turn.Actor, cancellationToken);
        }

        LogAdded(place.Art.Id, feature.Id);
        var notice = feature.Parts.Count == 0
            ? Localized.Format(BacklogStrings.NoticeAddedNoTeams, feature.Title)
            : Localized.Format(BacklogStrings.NoticeAdded, feature.Title, Localized.List([.. feature.Parts.Select(p => p.TeamName)]));
        return CardResponses.Card(FeatureFormCard.Build(place.Art, place.Teams, notice));
    }

    private async Task<InvokeResponse> ShowFeaturesAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, error) = await ResolveAsync(turn, cancellationToken);
        return place is null ? error! : CardResponses.Card(await views.ListAsync(place, CardData.Read(data, Data.FeaturesShowData).Page ?? 1, null, cancellationToken));
    }

    private async Task<InvokeResponse> ShowPlanAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read(data, Data.PlanShowData);
        var (place, error) = await ResolveAsync(turn, cancellationToken);
        if (place is null)
        {
            return error!;
        }

        return place.TeamFor(asked.Team) is { } team
            ? CardResponses.Card(await views.PlanAsync(place, team, asked.Page ?? 1, null, null, cancellationToken))
            : CardResponses.Error("UnknownTeam", BacklogStrings.ErrorPlanTeam);
    }

    private async Task<InvokeResponse> SavePlanAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read(data, Data.PlanSaveData);
        var (place, error) = await ResolveAsync(turn, cancellationToken);
        if (place is null)
        {
            return error!;
        }

        // A team plans in its own channel; from the ART's channel only those who keep the backlog change a team's plan.
        if (place.TeamFor(asked.Team) is not { } team || (place.Team is null && !BacklogViews.KeepsBacklog(place)))
        {
            return CardResponses.Error("UnknownTeam", BacklogStrings.ErrorPlanTeam);
        }

        var iterations = place.Art.Cadence.Of(place.Art.CurrentPi!);
        var moves = new List<(string Id, int? From, int? To, int? Points)>();
        foreach (var (id, seen) in asked.Seen ?? [])
        {
            if (!PlanIds.IsWellFormed(id))
            {
                continue;
            }

            var (from, seenPoints) = ParseSeen(seen);
            var to = from;
            if (asked.Iteration(id) is { Length: > 0 } chosen && chosen != PlanSaveData.NotPlanned)
            {
                if (!int.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > iterations.Count)
                {
                    return CardResponses.Error("InvalidIteration", Localized.Format(BacklogStrings.ErrorIteration, iterations.Count));
                }

                to = number;
            }
            else if (asked.Iteration(id) == PlanSaveData.NotPlanned)
            {
                to = null;
            }

            if (!TryPoints(asked.Points(id), out var points))
            {
                return CardResponses.Error("InvalidPoints", Localized.Format(BacklogStrings.PlanPointsError, TeamCapacity.MaxPoints));
            }

            var changedPoints = points is not null && points != seenPoints ? points : null;
            if (to != from || changedPoints is not null)
            {
                moves.Add((id, from, to, changedPoints));
            }
        }

        var seenCapacity = (asked.SeenCapacity ?? "").Split(',');
        var capacities = new List<(int Iteration, int? Points)>();
        foreach (var iteration in iterations)
        {
            if (asked.Capacity(iteration.Number) is not { } raw)
            {
                continue;
            }

            if (!TryPoints(raw, out var figure))
            {
                return CardResponses.Error("InvalidPoints", Localized.Format(BacklogStrings.PlanPointsError, TeamCapacity.MaxPoints));
            }

            var shown = iteration.Number <= seenCapacity.Length && TryPoints(seenCapacity[iteration.Number - 1], out var before) ? before : null;
            if (figure != shown)
            {
                capacities.Add((iteration.Number, figure));
            }
        }

        var by = place.Turn.Actor;
        var conflicts = new List<string>();
        var saved = 0;
        foreach (var (id, from, to, points) in moves)
        {
            var result = await views.Planning.MoveAsync(place.Art, id, team.ConversationId, from, to, points, by, cancellationToken);
            switch (result.Outcome)
            {
                case PlanOutcome.Done:
                    saved++;
                    break;
                case PlanOutcome.Conflict when result.Feature is { } now:
                    LogMovedMeanwhile(id);
                    conflicts.Add(Localized.Format(BacklogStrings.PlanMovedMeanwhile, now.Title, FeatureText.Where(now.PartOf(team.ConversationId)?.Iteration, iterations)));
                    break;
                case PlanOutcome.Conflict:
                    conflicts.Add(BacklogStrings.ErrorBusy);
                    break;
                case PlanOutcome.NotFound:
                    conflicts.Add(result.Feature is { } gone ? Localized.Format(BacklogStrings.PlanFeatureGone, gone.Title) : BacklogStrings.PlanFeatureUnknown);
                    break;
            }
        }

        foreach (var (iteration, points) in capacities)
        {
            if ((await views.Planning.SetCapacityAsync(place.Art, team, iteration, points, by, cancellationToken)).Outcome == PlanOutcome.Done)
            {
                saved++;
            }
        }

        LogPlanSaved(place.Art.Id, moves.Count, capacities.Count, conflicts.Count);
        var notice = conflicts.Count > 0
            ? string.Join("\n\n", conflicts)
            : saved > 0 ? BacklogStrings.PlanSaved : BacklogStrings.PlanUnchanged;
        return CardResponses.Card(await views.PlanAsync(place, team, asked.Page ?? 1, notice, conflicts.Count > 0 ? "Attention" : null, cancellationToken));
    }

    private async Task<InvokeResponse> RemoveMilestoneAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, error) = await ResolveAsync(turn, cancellationToken);
        if (place is null)
        {
            return error!;
        }

        if (!BacklogViews.KeepsBacklog(place))
        {
            return CardResponses.Error("NotAProductManager", BacklogViews.OnlyBacklogKeepers(place.Art));
        }

        var id = CardData.Read(data, Data.MilestoneRemoveData).Id;
        var milestone = PlanIds.IsWellFormed(id) ? await views.Milestones.GetAsync(place.Art.TenantId, place.Art.Id, id!, cancellationToken) : null;
        if (milestone is null)
        {
            return CardResponses.Error("MilestoneNotFound", BacklogStrings.ErrorMilestoneNotFound);
        }

        var outcome = await views.Planning.RemoveMilestoneAsync(place.Art, milestone.Id, place.Turn.Actor, cancellationToken);
        return outcome == PlanOutcome.Conflict
            ? CardResponses.Error("Busy", BacklogStrings.ErrorBusy)
            : CardResponses.Card(await views.MilestonesAsync(place, Localized.Format(BacklogStrings.MilestoneRemoved, milestone.Title), null, cancellationToken));
    }

    private async Task<(ArtPlace? Place, InvokeResponse? Error)> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var place = await ArtPlace.ResolveAsync(new ArtTurn(turn, arts), cancellationToken);
        return place is null ? (null, CardResponses.Error("NotInArt", CommonStrings.NotInAnArt))
            : place.Art.CurrentPi is null ? (null, CardResponses.Error("NoPi", BacklogStrings.ErrorNoPi))
            : (place, null);
    }

    /// <summary>"3|8" as the card showed it: the part's iteration and points (empty: none).</summary>
    private static (int? Iteration, int? Points) ParseSeen(string? seen)
    {
        var parts = (seen ?? "").Split('|');
        return (Number(parts[0]), parts.Length > 1 ? Number(parts[1]) : null);

        static int? Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>A points figure typed on the card: empty is none; otherwise 0 to the maximum.</summary>
    private static bool TryPoints(string? text, out int? points)
    {
        points = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= TeamCapacity.MaxPoints)
        {
            points = n;
            return true;
        }

        return false;
    }

    private static BacklogCardDataContext Data => BacklogCardDataContext.Default;

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: feature {FeatureId} added")]
    private partial void LogAdded(string artId, string featureId);

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: plan saved ({Moves} parts, {Capacities} capacity figures, {Conflicts} refused)")]
    private partial void LogPlanSaved(string artId, int moves, int capacities, int conflicts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feature {FeatureId}: a move from a stale plan card refused")]
    private partial void LogMovedMeanwhile(string featureId);
}
