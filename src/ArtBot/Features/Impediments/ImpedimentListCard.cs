using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Impediments;

/// <summary>
/// A list of impediments or risks, oldest first: title, then severity, ROAM status, owner and age; with
/// <paramref name="actionable"/> (the list of the conversation's own scope) each item can be opened (its card, with
/// ROAM, owner and resolve) and, while nobody owns it, taken over where it is listed.
/// </summary>
public static class ImpedimentListCard
{
    /// <param name="page">When the list can be paged: the verb and data that show another page (with <c>skip</c> added).</param>
    public static AdaptiveCard Build(string heading, ImpedimentList list, DateTimeOffset now, string emptyText, bool actionable = false, ImpedimentListPage? page = null)
    {
        var body = new List<CardElement> { new TextBlock(heading) { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (list.Total == 0)
        {
            body.Add(new TextBlock(emptyText));
        }
        else if (list.Skipped > 0 || list.Total > list.Items.Count && page is not null)
        {
            body.Add(new TextBlock(Localized.Format(ImpedimentStrings.ListPageRange, list.Skipped + 1, list.Skipped + list.Items.Count, list.Total)) { IsSubtle = true, Spacing = "None" });
        }
        else
        {
            body.Add(new TextBlock(list.Total == 1 ? ImpedimentStrings.ListItemsOne : Localized.Format(ImpedimentStrings.ListItemsOther, list.Total)) { IsSubtle = true, Spacing = "None" });
        }

        foreach (var impediment in list.Items)
        {
            body.Add(new Container(
            [
                new TextBlock(PlainText.EscapeMarkdown(impediment.Title)) { Weight = "Bolder" },
                new TextBlock(Line(impediment, now)) { IsSubtle = true, Spacing = "None" },
                .. actionable ? new CardElement[] { new ActionSet(Actions(impediment)) { Spacing = "Small" } } : [],
            ]) { Separator = true });
        }

        var after = list.Total - list.Skipped - list.Items.Count;
        if (after > 0)
        {
            body.Add(new TextBlock(Localized.Format(ImpedimentStrings.ListMore, after)) { IsSubtle = true, Separator = true });
        }

        if (page is not null && (after > 0 || list.Skipped > 0))
        {
            var buttons = new List<CardAction>();
            if (list.Skipped > 0)
            {
                buttons.Add(new ExecuteAction(ImpedimentStrings.ListPreviousPage, page.Verb, page.At(Math.Max(0, list.Skipped - page.Size))) { Id = "previous-page" });
            }

            if (after > 0)
            {
                buttons.Add(new ExecuteAction(Localized.Format(ImpedimentStrings.ListNextPage, Math.Min(page.Size, after)), page.Verb, page.At(list.Skipped + list.Items.Count)) { Id = "next-page" });
            }

            body.Add(new ActionSet(buttons));
        }

        return new AdaptiveCard { Body = body, FallbackText = heading };
    }

    private static List<CardAction> Actions(Impediment impediment)
    {
        var actions = new List<CardAction> { new ExecuteAction(ImpedimentStrings.ActionOpen, ImpedimentCard.ShowVerb, ImpedimentCard.Named(impediment)) };
        if (impediment.IsOpen && impediment.Owner is null)
        {
            actions.Add(new ExecuteAction(ImpedimentStrings.ActionTakeOwnership, ImpedimentCard.TakeVerb, ImpedimentCard.Named(impediment)));
        }

        if (impediment.IsOpen)
        {
            actions.Add(ImpedimentCard.RoamAction(impediment, inList: true));
        }

        return actions;
    }

    /// <summary>"Rocket · Risk · High · Mitigated · owner Alex · open 3 days" (escaped).</summary>
    public static string Line(Impediment impediment, DateTimeOffset now)
    {
        var kind = ImpedimentCard.KindName(impediment.Kind);
        var owner = impediment.Owner is { } person ? Localized.Format(ImpedimentStrings.LineOwner, PlainText.EscapeMarkdown(person.DisplayName)) : ImpedimentStrings.LineNoOwner;
        var age = impediment.IsOpen
            ? Localized.Format(ImpedimentStrings.LineOpenFor, ImpedimentRules.DescribeAge(impediment.Age(now)))
            : Localized.Format(ImpedimentStrings.LineResolvedAfter, ImpedimentRules.DescribeAge(impediment.Age(now)));
        var escalated = impediment.EscalatedAt is null ? "" : " \u00b7 " + ImpedimentStrings.LineEscalated;
        var team = impediment.TeamName is { Length: > 0 } name ? PlainText.EscapeMarkdown(name) + " \u00b7 " : "";
        return $"{team}{kind} \u00b7 {ImpedimentCard.SeverityName(impediment.Severity)} \u00b7 {ImpedimentCard.Status(impediment)} \u00b7 {owner} \u00b7 {age}{escalated}";
    }
}

/// <summary>How a list shows another page: the verb and the data that name the list (kind and filter), plus how many to skip.</summary>
public sealed record ImpedimentListPage(string Verb, ImpedimentPageData Data, int Size)
{
    public System.Text.Json.Nodes.JsonObject At(int skip) =>
        CardData.Write(Data with { Skip = skip }, ImpedimentCardDataContext.Default.ImpedimentPageData);
}
