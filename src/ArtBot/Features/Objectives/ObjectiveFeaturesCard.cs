using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Objectives;

/// <summary>
/// "Covers features" of one objective: its team's features of the current PI to choose from, those it covers
/// preselected, "Save" and "Back". A card of its own, so the team's card does not carry every feature once per objective.
/// </summary>
public static class ObjectiveFeaturesCard
{
    /// <param name="features">The features of the current PI (every team's).</param>
    public static AdaptiveCard Build(ArtTeam team, PiObjective objective, IReadOnlyList<Feature> features)
    {
        var byId = ObjectiveFeatures.ById(features);
        // A covered feature stays choosable after it was removed, so saving does not drop it unasked.
        var choices = ObjectiveFeatures.Choosable(team, features)
            .Concat(objective.FeatureIds.Select(id => byId.GetValueOrDefault(id)).OfType<Feature>())
            .DistinctBy(f => f.Id)
            .ToList();
        var body = new List<CardElement>
        {
            new TextBlock(ObjectiveStrings.FeaturesTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(PlainText.EscapeMarkdown(objective.Text)) { Weight = "Bolder" },
            new TextBlock($"{PlainText.EscapeMarkdown(team.TeamName)} \u00b7 {PlainText.EscapeMarkdown(objective.Pi)}") { IsSubtle = true, Spacing = "None" },
        };
        body.Add(choices.Count == 0
            ? new TextBlock(ObjectiveStrings.FeaturesNone)
            : TeamObjectivesCard.FeatureChoices(ObjectiveFeaturesData.FeaturesInput(objective.Id), choices, objective.FeatureIds));
        var actions = new List<CardAction>();
        if (choices.Count > 0)
        {
            actions.Add(new ExecuteAction(ObjectiveStrings.Save, TeamObjectivesCard.CoverVerb, CardData.Write(
                new ObjectiveFeaturesData { Team = team.ConversationId, Id = objective.Id, Seen = ObjectiveEdits.Seen(ObjectiveEdits.Features, objective) },
                ObjectiveCardDataContext.Default.ObjectiveFeaturesData)) { AssociatedInputs = "auto" });
        }

        actions.Add(new ExecuteAction(ObjectiveStrings.HistoryBack, TeamObjectivesCard.ShowVerb, TeamObjectivesCard.ShowData(team)));
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = Localized.Format(ObjectiveStrings.FeaturesFallback, objective.Text) };
    }
}
