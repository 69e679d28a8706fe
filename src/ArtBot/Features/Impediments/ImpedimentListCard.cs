using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Impediments;

namespace ArtBot.Features.Impediments;

/// <summary>A list of impediments or risks, oldest first: title, then severity, ROAM status, owner and age.</summary>
public static class ImpedimentListCard
{
    public static AdaptiveCard Build(string heading, ImpedimentList list, DateTimeOffset now, string emptyText)
    {
        var body = new List<CardElement> { new TextBlock(heading) { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (list.Total == 0)
        {
            body.Add(new TextBlock(emptyText));
        }
        else
        {
            body.Add(new TextBlock(list.Total == 1 ? "1 item, oldest first" : $"{list.Total} items, oldest first") { IsSubtle = true, Spacing = "None" });
        }

        foreach (var impediment in list.Items)
        {
            body.Add(new Container(
            [
                new TextBlock(ImpedimentRules.EscapeMarkdown(impediment.Title)) { Weight = "Bolder" },
                new TextBlock(Line(impediment, now)) { IsSubtle = true, Spacing = "None" },
            ]) { Separator = true });
        }

        if (list.Total > list.Items.Count)
        {
            body.Add(new TextBlock($"... and {list.Total - list.Items.Count} more.") { IsSubtle = true, Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = heading };
    }

    /// <summary>"Rocket · Risk · High · Mitigated · owner Alex · open 3 days" (escaped).</summary>
    public static string Line(Impediment impediment, DateTimeOffset now)
    {
        var kind = impediment.Kind == ImpedimentKind.Risk ? "Risk" : "Impediment";
        var owner = impediment.Owner is { } person ? "owner " + ImpedimentRules.EscapeMarkdown(person.DisplayName) : "no owner";
        var age = impediment.IsOpen
            ? "open " + ImpedimentRules.DescribeAge(impediment.Age(now))
            : "resolved after " + ImpedimentRules.DescribeAge(impediment.Age(now));
        var escalated = impediment.EscalatedAt is null ? "" : " \u00b7 escalated";
        var team = impediment.TeamName is { Length: > 0 } name ? ImpedimentRules.EscapeMarkdown(name) + " \u00b7 " : "";
        return $"{team}{kind} \u00b7 {impediment.Severity} \u00b7 {ImpedimentCard.Status(impediment)} \u00b7 {owner} \u00b7 {age}{escalated}";
    }
}
