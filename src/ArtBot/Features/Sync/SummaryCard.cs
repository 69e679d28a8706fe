using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Sync;


/// <summary>
/// The ART sync summary: how many teams answered, each team's status, what is at risk, blockers and dependencies
/// needing help (each with a "Raise impediment" button, <see cref="RaiseVerb"/>), and who has not answered (teams;
/// people only when the ART opted in). Lists are capped so a large ART stays under Teams' message size.
/// </summary>
public static class SummaryCard
{
    public const string RaiseVerb = "sync.raise";
    public const int MaxTeamsListed = 40;
    public const int MaxHelpItems = 20;
    public const int MaxPeopleListed = 40;

    public static AdaptiveCard Build(
        Art art, SyncOccurrence occurrence, SyncSummary summary, IReadOnlyList<TeamMember>? nonResponders, DateTimeOffset now,
        AgeingImpediments? ageing = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"ART sync summary: {art.Name}") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"Sync {SyncText.When(art, occurrence)}" + (art.CurrentPi is { } pi ? $" \u00b7 {pi.Name}" : "")) { IsSubtle = true, Spacing = "None" },
            new TextBlock($"{summary.Answered} of {summary.Teams.Count} teams answered \u00b7 {summary.AtRisk.Count} at risk or off track \u00b7 {summary.NeedsHelp.Count} need help"
                + (occurrence.IsLateAt(now) ? "" : " \u00b7 answers still coming in")) { Weight = "Bolder" },
        };

        if (summary.NeedsHelp.Count > 0)
        {
            body.Add(Heading("Needs help"));
            foreach (var help in summary.NeedsHelp.Take(MaxHelpItems))
            {
                var line = $"**{help.Answer.TeamName}** \u00b7 {SyncText.Kind(help.Kind)}: {Shorten(help.Item.Text, 200)}";
                var items = new List<CardElement> { new TextBlock(line) };
                if (help.Item.ImpedimentId is not null)
                {
                    items.Add(new TextBlock("Raised as an impediment: the team owns and ROAMs it") { IsSubtle = true, Spacing = "None", Color = "Good" });
                }
                else
                {
                    items.Add(new ActionSet(
                    [
                        new ExecuteAction("Raise impediment", RaiseVerb, new JsonObject
                        {
                            ["artId"] = art.Id,
                            ["occurrence"] = occurrence.Id,
                            ["team"] = help.Answer.TeamConversationId,
                            ["kind"] = help.Kind == CheckInItemKind.Blocker ? "blocker" : "dependency",
                            ["index"] = help.Index,
                        }),
                    ]) { Spacing = "Small" });
                }

                body.Add(new Container(items) { Separator = true });
            }

            More(body, summary.NeedsHelp.Count - MaxHelpItems, "more items need help");
        }

        if (summary.AtRisk.Count > 0)
        {
            body.Add(Heading("At risk or off track"));
            foreach (var answer in summary.AtRisk.Take(MaxTeamsListed))
            {
                body.Add(new TextBlock($"**{answer.TeamName}**: {CheckInRules.Describe(answer.Status)}" + (answer.Progress.Length > 0 ? $" \u00b7 {Shorten(answer.Progress)}" : ""))
                {
                    Color = answer.Status == ObjectiveStatus.OffTrack ? "Attention" : "Warning",
                });
            }

            More(body, summary.AtRisk.Count - MaxTeamsListed, "more teams at risk");
        }

        if (ageing is { Items.Count: > 0 })
        {
            body.Add(Heading($"Impediments open more than {ageing.Days} days"));
            foreach (var impediment in ageing.Items.Take(MaxHelpItems))
            {
                var team = impediment.TeamName is { Length: > 0 } name ? $"**{PlainText.EscapeMarkdown(name)}** \u00b7 " : "";
                var owner = impediment.Owner is { } person ? "owner " + PlainText.EscapeMarkdown(person.DisplayName) : "no owner";
                body.Add(new TextBlock($"{team}{PlainText.EscapeMarkdown(impediment.Title)} \u00b7 {ImpedimentRules.DescribeAge(impediment.Age(now))} \u00b7 {owner}"));
            }

            More(body, ageing.Items.Count - MaxHelpItems, "more ageing impediments");
        }

        body.Add(Heading("Teams"));
        var facts = summary.Teams.Take(MaxTeamsListed).Select(t => new Fact(t.Team.TeamName, TeamLine(t))).ToList();
        body.Add(new FactSet(facts));
        More(body, summary.Teams.Count - MaxTeamsListed, "more teams");

        if (summary.NotAnswered.Count > 0)
        {
            body.Add(Heading("Not answered yet"));
            body.Add(new TextBlock(string.Join(", ", summary.NotAnswered.Take(MaxTeamsListed).Select(t => t.TeamName))
                + (summary.NotAnswered.Count > MaxTeamsListed ? $" and {summary.NotAnswered.Count - MaxTeamsListed} more" : "")));
            if (art.NameNonResponders && nonResponders is { Count: > 0 })
            {
                body.Add(new TextBlock("People in those teams: " + string.Join(", ", nonResponders.Take(MaxPeopleListed).Select(p => p.Name))
                    + (nonResponders.Count > MaxPeopleListed ? $" and {nonResponders.Count - MaxPeopleListed} more" : "")) { IsSubtle = true });
            }
        }

        body.Add(new TextBlock($"Updated {now.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} UTC") { IsSubtle = true, Size = "Small" });
        return new AdaptiveCard { Body = body, FallbackText = $"ART sync summary: {art.Name}" };
    }

    private static string TeamLine(TeamCheckIn row) => row switch
    {
        { Answer: { } a } => CheckInRules.Describe(a.Status) + (a.Progress.Length > 0 ? " \u00b7 " + Shorten(a.Progress) : ""),
        { Team.UnreachableSince: not null } => "Bot removed from the channel",
        _ => "Not answered",
    };

    private static TextBlock Heading(string text) => new(text) { Weight = "Bolder", Size = "Medium", Separator = true, Spacing = "Medium" };

    private static void More(List<CardElement> body, int more, string what)
    {
        if (more > 0)
        {
            body.Add(new TextBlock($"\u2026 and {more} {what}") { IsSubtle = true });
        }
    }

    private static string Shorten(string text, int max = 140) => text.Length > max ? text[..max] + "\u2026" : text;
}
