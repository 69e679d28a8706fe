using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Improvements;

/// <summary>Posted to the ART's channel when its PI changes: the open improvement items that move into the new PI.</summary>
public static class CarryOverCard
{
    public static AdaptiveCard Build(string artName, string? previousPi, string newPi, IReadOnlyList<ImprovementItem> items, DateTimeOffset now)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(ImprovementStrings.CarryHeader, PlainText.EscapeMarkdown(artName), PlainText.EscapeMarkdown(newPi))) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(Localized.Format(ImprovementStrings.CarryTitle, PlainText.EscapeMarkdown(newPi))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Intro(items.Count, previousPi)),
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
                    new Column([new ActionSet([new ExecuteAction(ImprovementStrings.ListOpen, ImprovementCard.ShowVerb, ImprovementCard.ShowData(item)) { Id = $"open-{item.Id}" }])])
                    { Width = "auto", VerticalContentAlignment = "Center" },
                ]),
            ]) { Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(ImprovementStrings.CarryTitle, newPi) };
    }

    private static string Intro(int count, string? previousPi) => previousPi is { Length: > 0 } previous
        ? count == 1
            ? Localized.Format(ImprovementStrings.CarryIntroOneAfter, PlainText.EscapeMarkdown(previous))
            : Localized.Format(ImprovementStrings.CarryIntroOtherAfter, count, PlainText.EscapeMarkdown(previous))
        : count == 1
            ? ImprovementStrings.CarryIntroOne
            : Localized.Format(ImprovementStrings.CarryIntroOther, count);

    /// <summary>The 1:1 reminder an owner gets.</summary>
    public static AdaptiveCard Reminder(string artName, string newPi, IReadOnlyList<ImprovementItem> items, DateTimeOffset now) =>
        ImprovementListCard.Build(
            Localized.Format(ImprovementStrings.CarryReminderTitle, PlainText.EscapeMarkdown(newPi), PlainText.EscapeMarkdown(artName)),
            items, now, ImprovementStrings.ListNone);
}
