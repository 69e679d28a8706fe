using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Objectives;

/// <summary>
/// Every team's PI objectives for the current PI, grouped by team (the ART's channel), with what each team commits to
/// and a button to open a team's card (where Business Owners set the values). Long lists are cut so the card stays
/// under Teams' message size.
/// </summary>
public static class ArtObjectivesCard
{
    public const int MaxPerTeamShown = 5;
    public const int MaxTextShown = 90;

    /// <param name="features">The features of the current PI, to name those each objective covers.</param>
    public static AdaptiveCard Build(
        Art art, IReadOnlyList<ArtTeam> teams, IReadOnlyList<PiObjective> objectives, IReadOnlyList<Feature> features, DateOnly today, string? notice = null)
    {
        var pi = art.CurrentPi!;
        var byId = ObjectiveFeatures.ById(features);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(ObjectiveStrings.CardTitle, PlainText.EscapeMarkdown(art.Name))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(ObjectiveStrings.ArtCardSubtitle, PlainText.EscapeMarkdown(pi.Name))) { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good", bolder: true));
        }

        body.Add(new TextBlock(objectives.Count == 0 ? ObjectiveStrings.ArtCardWholeArtNone : Localized.Format(ObjectiveStrings.ArtCardWholeArt, ObjectiveRules.DescribeCommitment(objectives))) { Weight = "Bolder" });
        body.Add(new TextBlock(ObjectiveRules.IsOpenForEdits(art, today)
            ? Localized.Format(ObjectiveStrings.ArtCardOpenUntil, Localized.Date(pi.Start))
            : ObjectiveStrings.ArtCardLocked) { IsSubtle = true, Size = "Small" });

        if (teams.Count == 0)
        {
            body.Add(new TextBlock(ObjectiveStrings.ArtCardNoTeams));
        }

        foreach (var team in teams.OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase))
        {
            var own = objectives.Where(o => o.TeamConversationId == team.ConversationId).ToList();
            var items = new List<CardElement>
            {
                new TextBlock(PlainText.EscapeMarkdown(team.TeamName)) { Weight = "Bolder", Size = "Medium" },
                new TextBlock(own.Count == 0 ? ObjectiveStrings.NoObjectivesYet : ObjectiveRules.DescribeCommitment(own)) { IsSubtle = true, Spacing = "None" },
            };
            items.AddRange(own.Take(MaxPerTeamShown).Select(o => new TextBlock($"- {PlainText.EscapeMarkdown(PlainText.Shorten(o.Text, MaxTextShown))} ({TeamObjectivesCard.Describe(o, pi)})"
                + (ObjectiveFeatures.Covers(o, byId, ObjectiveFeatures.CoversShownForArt) is { } covers ? " \u00b7 " + covers : "")) { Spacing = "Small" }));
            if (own.Count > MaxPerTeamShown)
            {
                items.Add(new TextBlock(Localized.Format(ObjectiveStrings.ArtCardMore, own.Count - MaxPerTeamShown)) { IsSubtle = true });
            }

            items.Add(new ActionSet([new ExecuteAction(Localized.Format(ObjectiveStrings.ArtCardOpenTeam, team.TeamName), TeamObjectivesCard.ShowVerb, TeamObjectivesCard.ShowData(team))]));
            body.Add(new Container(items) { Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(ObjectiveStrings.CardFallback, art.Name) };
    }

}
