using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>
/// <c>plan</c> in a team's channel: the team's capacity per iteration (IP marked) and its load against it, and each
/// feature the team has a part in with the iteration it is planned in and its points. "Save" sends what the card showed
/// (<see cref="PlanSaveData.Seen"/>), so a part someone moved meanwhile is reported, not overwritten.
/// </summary>
public static class TeamPlanCard
{
    public const string ShowVerb = "plan.show";
    public const string SaveVerb = "plan.save";
    public const int PageSize = 15;
    private const int TitleShown = 100;
    private const int OthersShown = 4;

    /// <summary>The team's features of the current PI (not removed), in backlog order.</summary>
    public static AdaptiveCard Build(
        Art art, ArtTeam team, IReadOnlyList<Feature> features, TeamCapacity? capacity, int page, string? notice = null, string? noticeColor = null)
    {
        var pi = art.CurrentPi!;
        var iterations = art.Cadence.Of(pi);
        var mine = FeatureBacklog.OfTeam(features, team.ConversationId);
        var pages = Math.Max(1, (mine.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var loads = TeamLoad.Of(team.ConversationId, mine, capacity, iterations.Count);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(BacklogStrings.PlanTitle, PlainText.EscapeMarkdown(team.TeamName))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"{PlainText.EscapeMarkdown(pi.Name)} \u00b7 {PlainText.EscapeMarkdown(art.Name)}") { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good", bolder: true));
        }

        body.Add(new TextBlock(BacklogStrings.PlanLoadHeading) { Weight = "Bolder", Separator = true });
        body.Add(new FactSet([.. iterations.Select(i => new Fact(FeatureText.Dates(i), Load(loads[i.Number - 1])))]));
        foreach (var over in loads.Where(l => l.Over))
        {
            body.Add(CardNotice.Of(Localized.Format(BacklogStrings.PlanOver, over.Iteration, over.Load - over.Capacity!.Value), "Warning"));
        }

        body.Add(new TextBlock(BacklogStrings.PlanCapacityHeading) { Weight = "Bolder", Separator = true });
        body.AddRange(iterations.Select(i => new NumberInput
        {
            Id = PlanSaveData.CapacityInput(i.Number),
            Label = Localized.Format(BacklogStrings.PlanCapacityLabel, FeatureText.Title(i)),
            Value = capacity?.Of(i.Number),
            Min = 0,
            Max = TeamCapacity.MaxPoints,
            ErrorMessage = Localized.Format(BacklogStrings.PlanPointsError, TeamCapacity.MaxPoints),
        }));

        body.Add(new TextBlock(mine.Count == 0 ? BacklogStrings.PlanNoFeatures : Localized.Format(BacklogStrings.PlanFeaturesHeading, mine.Count))
        {
            Weight = "Bolder",
            Separator = true,
        });
        var choices = new List<Choice> { new(BacklogStrings.NotPlannedChoice, PlanSaveData.NotPlanned) };
        choices.AddRange(iterations.Select(i => new Choice(FeatureText.Title(i), i.Number.ToString(CultureInfo.InvariantCulture))));
        var shown = mine.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in shown)
        {
            var part = feature.PartOf(team.ConversationId)!;
            seen[feature.Id] = Seen(part);
            var others = feature.Parts.Where(p => p.TeamConversationId != team.ConversationId).ToList();
            var line = FeatureText.Value(feature) + (others.Count == 0 ? "" : " \u00b7 " + Localized.Format(BacklogStrings.PlanWith,
                string.Join(", ", others.Take(OthersShown).Select(o => PlainText.EscapeMarkdown(o.TeamName) + " (" + FeatureText.Where(o.Iteration, iterations) + ")"))
                + (others.Count > OthersShown ? " " + Localized.Format(BacklogStrings.PlanWithMore, others.Count - OthersShown) : "")));
            body.Add(new Container(
            [
                new TextBlock(PlainText.EscapeMarkdown(PlainText.Shorten(feature.Title, TitleShown))) { Weight = "Bolder" },
                new TextBlock(line) { IsSubtle = true, Size = "Small", Spacing = "None" },
                new ColumnSet(
                [
                    new Column([new ChoiceSetInput(choices)
                    {
                        Id = PlanSaveData.IterationInput(feature.Id),
                        Label = BacklogStrings.PlanIterationLabel,
                        Value = part.Iteration?.ToString(CultureInfo.InvariantCulture) ?? PlanSaveData.NotPlanned,
                        Style = "compact",
                    }]) { Width = "stretch" },
                    new Column([new NumberInput
                    {
                        Id = PlanSaveData.PointsInput(feature.Id),
                        Label = BacklogStrings.PlanPointsLabel,
                        Value = part.Points,
                        Min = 0,
                        Max = TeamCapacity.MaxPoints,
                        ErrorMessage = Localized.Format(BacklogStrings.PlanPointsError, TeamCapacity.MaxPoints),
                    }]) { Width = "stretch" },
                ]),
            ]) { Separator = true });
        }

        var actions = new List<CardAction>
        {
            new ExecuteAction(BacklogStrings.PlanSave, SaveVerb, CardData.Write(new PlanSaveData
            {
                Team = team.ConversationId,
                Page = page,
                Seen = seen,
                SeenCapacity = SeenCapacity(capacity, iterations.Count),
            }, Data.PlanSaveData)) { AssociatedInputs = "auto", Style = "positive" },
            new ExecuteAction(BacklogStrings.Refresh, ShowVerb, ShowData(team, page)),
        };
        if (page > 1)
        {
            actions.Add(new ExecuteAction(BacklogStrings.ListPrevious, ShowVerb, ShowData(team, page - 1)));
        }

        if (page < pages)
        {
            actions.Add(new ExecuteAction(BacklogStrings.ListNext, ShowVerb, ShowData(team, page + 1)));
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = Localized.Format(BacklogStrings.PlanTitle, team.TeamName) };
    }

    /// <summary>What the card shows of a part, as <see cref="PlanSaveData.Seen"/> carries it: "iteration|points".</summary>
    public static string Seen(FeaturePart part) =>
        $"{part.Iteration?.ToString(CultureInfo.InvariantCulture)}|{part.Points?.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The capacity figures the card shows, one per iteration: "20,20,,10".</summary>
    public static string SeenCapacity(TeamCapacity? capacity, int count) =>
        string.Join(",", Enumerable.Range(1, count).Select(i => capacity?.Of(i)?.ToString(CultureInfo.InvariantCulture) ?? ""));

    public static JsonObject ShowData(ArtTeam team, int page) =>
        CardData.Write(new PlanShowData { Team = team.ConversationId, Page = page }, Data.PlanShowData);

    private static string Load(TeamLoad load) => load.Capacity is not { } capacity
        ? Localized.Format(BacklogStrings.PlanLoadNoCapacity, load.Load)
        : load.Over
            ? Localized.Format(BacklogStrings.PlanLoadOver, load.Load, capacity)
            : Localized.Format(BacklogStrings.PlanLoad, load.Load, capacity);

    private static BacklogCardDataContext Data => BacklogCardDataContext.Default;
}
