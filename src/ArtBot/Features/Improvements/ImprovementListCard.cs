using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Improvements;

/// <summary>A list of improvement items (an ART's, a conversation's, or one person's) with owner, status and age; "Open" shows one.</summary>
public static class ImprovementListCard
{
    public const int MaxShown = 30;

    public static AdaptiveCard Build(string title, IReadOnlyList<ImprovementItem> items, DateTimeOffset now, string emptyText)
    {
        var body = new List<CardElement> { new TextBlock(title) { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (items.Count == 0)
        {
            body.Add(new TextBlock(emptyText));
        }

        var ordered = items.OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.Status).ThenBy(i => i.CreatedAt).ToList();
        var open = ordered.Count(i => i.IsOpen);
        if (items.Count > 0)
        {
            body.Add(new TextBlock(Localized.Format(ImprovementStrings.ListSummary, open, items.Count - open)) { IsSubtle = true, Spacing = "None" });
        }

        foreach (var item in ordered.Take(MaxShown))
        {
            body.Add(new Container(
            [
                new ColumnSet(
                [
                    new Column(
                    [
                        new TextBlock($"**{item.Title}**"),
                        new TextBlock(Line(item, now)) { IsSubtle = true, Size = "Small", Spacing = "None" },
                    ]) { Width = "stretch", VerticalContentAlignment = "Center" },
                    new Column([new ActionSet([new ExecuteAction(ImprovementStrings.ListOpen, ImprovementCard.ShowVerb, ImprovementCard.ShowData(item)) { Id = $"open-{item.Id}" }])])
                    { Width = "auto", VerticalContentAlignment = "Center" },
                ]),
            ]) { Separator = true });
        }

        if (ordered.Count > MaxShown)
        {
            body.Add(new TextBlock(Localized.Format(ImprovementStrings.ListMore, ordered.Count - MaxShown)) { IsSubtle = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = title };
    }

    /// <summary>"In progress · owner Adele Vance · 12 days · PI 2027.1".</summary>
    public static string Line(ImprovementItem item, DateTimeOffset now) =>
        ImprovementRules.Describe(item.Status)
        + " \u00b7 " + OwnerLabel(item.OwnerName)
        + " \u00b7 " + ImprovementRules.Age(item.CreatedAt, now)
        + (item.TargetPi is { Length: > 0 } pi ? " \u00b7 " + PlainText.EscapeMarkdown(pi) : string.Empty);

    /// <summary>"owner Adele Vance", or "no owner".</summary>
    public static string OwnerLabel(string? ownerName) => ownerName is { Length: > 0 } owner
        ? Localized.Format(ImprovementStrings.LineOwner, PlainText.EscapeMarkdown(owner))
        : ImprovementStrings.LineNoOwner;
}
