using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

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

    public static AdaptiveCard Build(Art art, IReadOnlyList<ArtTeam> teams, IReadOnlyList<PiObjective> objectives, DateOnly today, string? notice = null)
    {
        var pi = art.CurrentPi!;
        var body = new List<CardElement>
        {
            new TextBlock($"PI objectives: {PlainText.EscapeMarkdown(art.Name)}") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"{PlainText.EscapeMarkdown(pi.Name)} \u00b7 every team's, grouped by team") { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = "Good", Weight = "Bolder" });
        }

        body.Add(new TextBlock("The whole ART: " + (objectives.Count == 0 ? "no objectives yet." : ObjectiveRules.DescribeCommitment(objectives))) { Weight = "Bolder" });
        body.Add(new TextBlock(ObjectiveRules.IsOpenForEdits(art, today)
            ? $"Teams change their objectives in their own channel until the PI starts on {pi.Start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}."
            : "The objectives are locked: the PI has started. RTEs can reopen them with `objectives reopen`.") { IsSubtle = true, Size = "Small" });

        if (teams.Count == 0)
        {
            body.Add(new TextBlock("No team has joined the ART yet: a team's channel joins with `art join <team name>`."));
        }

        foreach (var team in teams.OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase))
        {
            var own = objectives.Where(o => o.TeamConversationId == team.ConversationId).ToList();
            var items = new List<CardElement>
            {
                new TextBlock(PlainText.EscapeMarkdown(team.TeamName)) { Weight = "Bolder", Size = "Medium" },
                new TextBlock(own.Count == 0 ? "No objectives yet." : ObjectiveRules.DescribeCommitment(own)) { IsSubtle = true, Spacing = "None" },
            };
            items.AddRange(own.Take(MaxPerTeamShown).Select(o => new TextBlock($"- {PlainText.EscapeMarkdown(PlainText.Shorten(o.Text, MaxTextShown))} ({TeamObjectivesCard.Describe(o, pi)})") { Spacing = "Small" }));
            if (own.Count > MaxPerTeamShown)
            {
                items.Add(new TextBlock($"\u2026 and {own.Count - MaxPerTeamShown} more: open the team to see all") { IsSubtle = true });
            }

            items.Add(new ActionSet([new ExecuteAction($"Open {team.TeamName}", TeamObjectivesCard.ShowVerb, new JsonObject { ["team"] = team.ConversationId })]));
            body.Add(new Container(items) { Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = $"PI objectives of {art.Name}" };
    }

}
