using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// <c>dependencies</c>: in a team's channel the team's incoming (it provides) and outgoing (it needs) dependencies; in
/// the ART's channel all of them by the iteration they are due in. Each row shows its status as of today and opens the
/// dependency's card. Long lists are cut so the card stays under Teams' message size.
/// </summary>
public static class DependencyListCard
{
    public const int MaxRows = 25;
    public const int MaxTextShown = 90;

    public static AdaptiveCard Build(Art art, ArtTeam? team, IReadOnlyList<Dependency> dependencies, DateOnly today)
    {
        var pi = art.CurrentPi!;
        var iterations = art.Cadence.Of(pi);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(DependencyStrings.ListTitle, PlainText.EscapeMarkdown(team is null ? art.Name : team.TeamName)))
            {
                Size = "Large", Weight = "Bolder", Style = "heading",
            },
            new TextBlock($"{PlainText.EscapeMarkdown(pi.Name)} \u00b7 {Counts(dependencies, iterations, today)}") { IsSubtle = true, Spacing = "None" },
        };

        var rows = 0;
        if (team is not null)
        {
            Section(body, DependencyStrings.ListIncoming, [.. dependencies.Where(d => d.ProviderConversationId == team.ConversationId)], iterations, today, ref rows, incoming: true);
            Section(body, DependencyStrings.ListOutgoing, [.. dependencies.Where(d => d.RequesterConversationId == team.ConversationId)], iterations, today, ref rows, incoming: false);
        }
        else
        {
            foreach (var group in dependencies.GroupBy(d => d.DueIteration).OrderBy(g => g.Key))
            {
                Section(body, DependencyCard.IterationTitle(iterations, group.Key),
                    [.. group], iterations, today, ref rows, incoming: null);
            }
        }

        if (dependencies.Count == 0)
        {
            body.Add(new TextBlock(DependencyStrings.ListEmpty));
        }

        if (rows < dependencies.Count && team is null)
        {
            body.Add(new TextBlock(Localized.Format(DependencyStrings.ListMoreCount, dependencies.Count - rows)) { IsSubtle = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = DependencyStrings.ListFallback };
    }

    private static void Section(
        List<CardElement> body, string heading, IReadOnlyList<Dependency> items, IReadOnlyList<Iteration> iterations, DateOnly today, ref int rows, bool? incoming)
    {
        body.Add(new TextBlock($"{heading} ({items.Count})") { Weight = "Bolder", Size = "Medium", Separator = true, Spacing = "Medium" });
        if (items.Count == 0)
        {
            body.Add(new TextBlock(DependencyStrings.ListNone) { IsSubtle = true });
            return;
        }

        foreach (var dependency in items.OrderBy(d => d.DueIteration).ThenBy(d => d.CreatedAt))
        {
            if (rows++ >= MaxRows)
            {
                body.Add(new TextBlock(DependencyStrings.ListMoreNotShown) { IsSubtle = true });
                return;
            }

            var (status, why) = DependencyRules.StatusOn(dependency, iterations, today);
            var who = incoming switch
            {
                true => Localized.Format(DependencyStrings.ListFor, dependency.RequesterTeamName),
                false => Localized.Format(DependencyStrings.ListFrom, dependency.ProviderTeamName),
                _ => Localized.Format(DependencyStrings.ListNeedsFrom, dependency.RequesterTeamName, dependency.ProviderTeamName),
            };
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(PlainText.EscapeMarkdown(PlainText.Shorten(dependency.Text, MaxTextShown))) { Weight = "Bolder" },
                    new TextBlock($"{PlainText.EscapeMarkdown(who)} \u00b7 {Localized.Format(DependencyStrings.ListNeededBy, dependency.NeededBy)} \u00b7 {(why is null ? DependencyRules.Describe(status) : Localized.Format(DependencyStrings.ListStatusWithReason, DependencyRules.Describe(status), why))}")
                    {
                        IsSubtle = status != DependencyStatus.AtRisk,
                        Color = status == DependencyStatus.AtRisk ? "Attention" : null,
                        Spacing = "None",
                    },
                ]) { Width = "stretch" },
                new Column([new ActionSet([new ExecuteAction(DependencyStrings.ListOpen, DependencyCard.ShowVerb, DependencyCard.Data(dependency))])]) { Width = "auto", VerticalContentAlignment = "Center" },
            ]) { Separator = true });
        }
    }


    private static string Counts(IReadOnlyList<Dependency> dependencies, IReadOnlyList<Iteration> iterations, DateOnly today)
    {
        var atRisk = dependencies.Count(d => DependencyRules.IsAtRisk(d, iterations, today));
        var open = dependencies.Count(d => !d.IsClosed);
        return Localized.Format(DependencyStrings.ListCounts, open, atRisk, dependencies.Count - open);
    }
}
