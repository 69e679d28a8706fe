using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Improvements;

namespace ArtBot.Features.Improvements;

/// <summary>Posted to the ART's channel when its PI changes: the open improvement items that move into the new PI.</summary>
public static class CarryOverCard
{
    public static AdaptiveCard Build(string artName, string? previousPi, string newPi, IReadOnlyList<ImprovementItem> items, DateTimeOffset now)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"{ImprovementRules.EscapeMarkdown(artName)} \u00b7 {ImprovementRules.EscapeMarkdown(newPi)} started") { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock("Improvement items carried into " + ImprovementRules.EscapeMarkdown(newPi)) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(
                (items.Count == 1 ? "This item is" : $"These {items.Count} items are") + " not done yet"
                + (previousPi is { Length: > 0 } previous ? $" after {ImprovementRules.EscapeMarkdown(previous)}" : string.Empty)
                + ". Owners: plan capacity for them, update their status, and we will review them at the next Inspect & Adapt."),
        };
        foreach (var item in items.Take(ImprovementListCard.MaxShown))
        {
            body.Add(new Container(
            [
                new ColumnSet(
                [
                    new Column(
                    [
                        new TextBlock($"**{item.Title}**"),
                        new TextBlock(ImprovementListCard.Line(item, now)) { IsSubtle = true, Size = "Small", Spacing = "None" },
                    ]) { Width = "stretch", VerticalContentAlignment = "Center" },
                    new Column([new ActionSet([new ExecuteAction("Open", ImprovementCard.ShowVerb, new JsonObject { ["itemId"] = item.Id }) { Id = $"open-{item.Id}" }])])
                    { Width = "auto", VerticalContentAlignment = "Center" },
                ]),
            ]) { Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = $"Improvement items carried into {newPi}" };
    }

    /// <summary>The 1:1 reminder an owner gets.</summary>
    public static AdaptiveCard Reminder(string artName, string newPi, IReadOnlyList<ImprovementItem> items, DateTimeOffset now) =>
        ImprovementListCard.Build(
            $"Your improvement items for {ImprovementRules.EscapeMarkdown(newPi)} ({ImprovementRules.EscapeMarkdown(artName)})",
            items, now, "None.");
}
