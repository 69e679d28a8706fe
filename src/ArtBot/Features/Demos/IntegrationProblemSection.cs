using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Demos;

/// <summary>
/// The ART sync summary's compact section on open integration problems (this PI's and earlier ones still open): how
/// many, then the first few oldest first with their plan state ("no repair plan yet", "owner, due iteration N").
/// </summary>
public static class IntegrationProblemSection
{
    public const int MaxListed = 5;
    private const int MaxText = 100;

    public static IEnumerable<CardElement> Of(IReadOnlyList<IntegrationProblem> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (open.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(Localized.Format(DemoFollowUpStrings.SummaryHeading, open.Count)) { Weight = "Bolder", Size = "Medium", Separator = true, Spacing = "Medium" };
        foreach (var problem in open.Take(MaxListed))
        {
            var team = problem.TeamName is { Length: > 0 } name ? $"**{PlainText.EscapeMarkdown(name)}** \u00b7 " : "";
            yield return new TextBlock($"{team}{PlainText.EscapeMarkdown(PlainText.Shorten(problem.WhatFailed, MaxText))} \u00b7 {Plan(problem)}") { Spacing = "Small" };
        }

        if (open.Count > MaxListed)
        {
            yield return new TextBlock(Localized.Format(DemoFollowUpStrings.SummaryMore, open.Count - MaxListed)) { IsSubtle = true };
        }
    }

    private static string Plan(IntegrationProblem problem) => (problem.RepairOwner, problem.RepairDueIteration) switch
    {
        ({ } owner, { } due) => Localized.Format(DemoFollowUpStrings.SummaryOwnerDue, PlainText.EscapeMarkdown(owner.DisplayName), due),
        ({ } owner, null) => Localized.Format(DemoFollowUpStrings.SummaryOwner, PlainText.EscapeMarkdown(owner.DisplayName)),
        (null, { } due) => Localized.Format(DemoFollowUpStrings.SummaryDue, due),
        _ => DemoFollowUpStrings.SummaryNoPlan,
    };
}
