using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using ArtBot.Features.Demos;

namespace ArtBot.Features.Sync;


/// <summary>
/// The ART sync summary: how many teams answered, each team's status, what is at risk, blockers and dependencies
/// needing help (each with a "Raise impediment" button, <see cref="RaiseVerb"/>), open integration problems of the
/// System Demos, and who has not answered (teams;
/// people only when the ART opted in). Lists are capped so a large ART stays under Teams' message size.
/// </summary>
public static class SummaryCard
{
    public const string RaiseVerb = "sync.raise";
    public const string TrackVerb = "sync.track";
    public const int MaxDependenciesListed = 20;
    public const int MaxTeamsListed = 40;
    public const int MaxHelpItems = 20;
    public const int MaxPeopleListed = 40;

    public static AdaptiveCard Build(
        Art art, SyncOccurrence occurrence, SyncSummary summary, IReadOnlyList<TeamMember>? nonResponders, DateTimeOffset now,
        AgeingImpediments? ageing = null, IReadOnlyList<DependencyAtRisk>? dependenciesAtRisk = null, IReadOnlyList<IntegrationProblem>? integrationProblems = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(SyncStrings.SummaryTitle, art.Name)) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(SyncStrings.SummarySubtitle, SyncText.When(art, occurrence)) + (art.CurrentPi is { } pi ? $" \u00b7 {pi.Name}" : "")) { IsSubtle = true, Spacing = "None" },
            new TextBlock(Localized.Format(SyncStrings.SummaryCounts, summary.Answered, summary.Teams.Count, summary.AtRisk.Count, summary.NeedsHelp.Count)
                + (occurrence.IsLateAt(now) ? "" : " \u00b7 " + SyncStrings.SummaryStillComing)) { Weight = "Bolder" },
        };

        if (summary.NeedsHelp.Count > 0)
        {
            body.Add(Heading(SyncStrings.SummaryNeedsHelp));
            foreach (var help in summary.NeedsHelp.Take(MaxHelpItems))
            {
                var items = HelpItem(art, occurrence, summary, help, tracksDependencies: dependenciesAtRisk is not null);
                body.Add(new Container(items) { Separator = true });
            }

            More(body, summary.NeedsHelp.Count - MaxHelpItems, SyncStrings.MoreNeedHelp);
        }

        if (summary.AtRisk.Count > 0)
        {
            body.Add(Heading(SyncStrings.SummaryAtRisk));
            foreach (var answer in summary.AtRisk.Take(MaxTeamsListed))
            {
                body.Add(new TextBlock(Localized.Format(SyncStrings.SummaryTeamStatus, answer.TeamName, CheckInRules.Describe(answer.Status)) + (answer.Progress.Length > 0 ? $" \u00b7 {Shorten(answer.Progress)}" : ""))
); // the status is in words ("Off track"), in default-colour text for contrast
            }

            More(body, summary.AtRisk.Count - MaxTeamsListed, SyncStrings.MoreAtRisk);
        }

        if (dependenciesAtRisk is { Count: > 0 })
        {
            body.Add(Heading(SyncStrings.SummaryDependencies));
            foreach (var dependency in dependenciesAtRisk.Take(MaxDependenciesListed))
            {
                body.Add(new TextBlock(Localized.Format(SyncStrings.SummaryDependencyLine, PlainText.EscapeMarkdown(dependency.RequesterTeamName), PlainText.EscapeMarkdown(dependency.ProviderTeamName),
                    PlainText.EscapeMarkdown(Shorten(dependency.Text)), PlainText.EscapeMarkdown(dependency.Why))));
            }

            More(body, dependenciesAtRisk.Count - MaxDependenciesListed, SyncStrings.MoreDependencies);
        }

        if (ageing is { Items.Count: > 0 })
        {
            body.Add(Heading(ageing.Days == 1 ? SyncStrings.SummaryAgeingOne : Localized.Format(SyncStrings.SummaryAgeingOther, ageing.Days)));
            foreach (var impediment in ageing.Items.Take(MaxHelpItems))
            {
                var team = impediment.TeamName is { Length: > 0 } name ? $"**{PlainText.EscapeMarkdown(name)}** \u00b7 " : "";
                var owner = SyncText.Owner(impediment.Owner is { } person ? PlainText.EscapeMarkdown(person.DisplayName) : null);
                body.Add(new TextBlock($"{team}{PlainText.EscapeMarkdown(impediment.Title)} \u00b7 {ImpedimentRules.DescribeAge(impediment.Age(now))} \u00b7 {owner}"));
            }

            More(body, ageing.Items.Count - MaxHelpItems, SyncStrings.MoreAgeing);
        }

        body.AddRange(IntegrationProblemSection.Of(integrationProblems ?? []));

        body.Add(Heading(SyncStrings.SummaryTeams));
        var facts = summary.Teams.Take(MaxTeamsListed).Select(t => new Fact(t.Team.TeamName, TeamLine(t))).ToList();
        body.Add(new FactSet(facts));
        More(body, summary.Teams.Count - MaxTeamsListed, SyncStrings.MoreTeams);

        if (summary.NotAnswered.Count > 0)
        {
            body.Add(Heading(SyncStrings.SummaryNotAnswered));
            body.Add(new TextBlock(AndMore(string.Join(", ", summary.NotAnswered.Take(MaxTeamsListed).Select(t => t.TeamName)), summary.NotAnswered.Count - MaxTeamsListed)));
            if (art.NameNonResponders && nonResponders is { Count: > 0 })
            {
                body.Add(new TextBlock(Localized.Format(SyncStrings.SummaryPeople,
                    AndMore(string.Join(", ", nonResponders.Take(MaxPeopleListed).Select(p => p.Name)), nonResponders.Count - MaxPeopleListed))) { IsSubtle = true });
            }
        }

        body.Add(new TextBlock(Localized.Format(SyncStrings.SummaryUpdated, SyncText.DayMonthTime(now))) { IsSubtle = true, Size = "Small" });
        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(SyncStrings.SummaryTitle, art.Name) };
    }

    /// <summary>
    /// One item needing help: its text, then what became of it (an impediment, a tracked dependency) or the buttons that
    /// make it one. A dependency can be tracked between teams (with the providing team chosen, guessed from its text)
    /// when the dependencies feature is there.
    /// </summary>
    private static List<CardElement> HelpItem(Art art, SyncOccurrence occurrence, SyncSummary summary, HelpNeeded help, bool tracksDependencies)
    {
        var items = new List<CardElement> { new TextBlock(Localized.Format(SyncStrings.SummaryHelpLine, help.Answer.TeamName, SyncText.Kind(help.Kind), Shorten(help.Item.Text, 200))) };
        if (help.Item.ImpedimentId is not null || help.Item.DependencyId is not null)
        {
            items.Add(new TextBlock(help.Item.ImpedimentId is not null
                ? SyncStrings.SummaryRaisedAsImpediment
                : SyncStrings.SummaryTrackedAsDependency) { IsSubtle = true, Spacing = "None" });
            return items;
        }

        var item = new SummaryItemData
        {
            ArtId = art.Id,
            Occurrence = occurrence.Id,
            Team = help.Answer.TeamConversationId,
            Kind = help.Kind == CheckInItemKind.Blocker ? "blocker" : "dependency",
            Index = help.Index,
        };
        var actions = new List<CardAction> { new ExecuteAction(SyncStrings.SummaryRaiseImpediment, RaiseVerb, CardData.Write(item, SyncCardDataContext.Default.SummaryItemData)) };
        if (tracksDependencies && help.Kind == CheckInItemKind.Dependency)
        {
            var others = summary.Teams.Select(t => t.Team).Where(t => t.ConversationId != help.Answer.TeamConversationId).ToList();
            items.Add(new ChoiceSetInput([.. others.Select(t => new Choice(t.TeamName, t.ConversationId))])
            {
                Id = SummaryItemData.ProviderInput(ItemKey(art, occurrence, help.Kind, help.Index, help.Answer.TeamConversationId, help.Item.Text)),
                Label = SyncStrings.SummaryProvidedBy,
                Style = "compact",
                Placeholder = SyncStrings.SummaryChooseTeam,
                Value = others.FirstOrDefault(t => help.Item.Text.Contains(t.TeamName, StringComparison.OrdinalIgnoreCase))?.ConversationId,
            });
            actions.Add(new ExecuteAction(SyncStrings.SummaryTrackDependency, TrackVerb, CardData.Write(item, SyncCardDataContext.Default.SummaryItemData)) { AssociatedInputs = "auto" });
        }

        items.Add(new ActionSet(actions) { Spacing = "Small" });
        return items;
    }

    /// <summary>
    /// A stable key for one check-in item: what it becomes (impediment or dependency) is keyed by it, so a second click
    /// creates nothing new.
    /// </summary>
    public static string ItemKey(Art art, SyncOccurrence occurrence, CheckInItemKind kind, int index, string teamConversationId, string text) =>
        $"{art.Id}-{occurrence.Id}-{kind}-{index}-{StableHash(teamConversationId + "|" + text)}";

    /// <summary>Twelve hex digits of the text's SHA-256: the same on every instance and release.</summary>
    internal static string StableHash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];

    private static string TeamLine(TeamCheckIn row) => row switch
    {
        { Answer: { } a } => CheckInRules.Describe(a.Status) + (a.Progress.Length > 0 ? " \u00b7 " + Shorten(a.Progress) : ""),
        { Team.UnreachableSince: not null } => SyncStrings.SummaryBotRemoved,
        _ => SyncStrings.SummaryTeamNotAnswered,
    };

    private static TextBlock Heading(string text) => new(text) { Weight = "Bolder", Size = "Medium", Separator = true, Spacing = "Medium" };

    /// <summary>"… and 3 more teams" (<paramref name="format"/> with the count) when anything was left off.</summary>
    private static void More(List<CardElement> body, int more, string format)
    {
        if (more > 0)
        {
            body.Add(new TextBlock(Localized.Format(format, more)) { IsSubtle = true });
        }
    }

    /// <summary>A listed text, and "and 3 more" after it when <paramref name="more"/> were left off.</summary>
    private static string AndMore(string listed, int more) => more > 0 ? Localized.Format(SyncStrings.ListAndMore, listed, more) : listed;

    private static string Shorten(string text, int max = 140) => text.Length > max ? text[..max] + "\u2026" : text;
}
