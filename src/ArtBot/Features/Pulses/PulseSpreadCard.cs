using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Pulses;

/// <summary>
/// The ART channel's pulse: per iteration of the PI (the current one first), how many teams answered and have a figure,
/// the lowest, median and highest team figure and the ART's average. No team is named next to a figure.
/// </summary>
public static class PulseSpreadCard
{
    public static AdaptiveCard Build(Art art, string pi, int teamCount, IReadOnlyList<PulseSpread> spreads, int? currentIteration)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(PulseStrings.SpreadTitle, PlainText.EscapeMarkdown(art.Name))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(PulseStrings.SpreadSubtitle, PlainText.EscapeMarkdown(pi))) { IsSubtle = true, Spacing = "None" },
        };
        if (spreads.Count == 0)
        {
            body.Add(new TextBlock(Localized.Format(PulseStrings.SpreadNone, PlainText.EscapeMarkdown(pi))));
        }

        foreach (var spread in spreads.OrderByDescending(s => s.Iteration))
        {
            body.Add(new TextBlock(Localized.Format(spread.Iteration == currentIteration ? PulseStrings.SpreadIterationCurrent : PulseStrings.SpreadIteration, spread.Iteration))
            { Weight = "Bolder", Separator = true });
            body.Add(new TextBlock(Localized.Format(PulseStrings.SpreadTeams, spread.TeamsAnswered, Math.Max(teamCount, spread.TeamsAnswered), spread.TeamsWithFigure, PulseRules.MinAnswers)));
            body.Add(new TextBlock(spread is { Lowest: { } low, Median: { } median, Highest: { } high }
                ? Localized.Format(PulseStrings.SpreadRange, Localized.Number(low), Localized.Number(median), Localized.Number(high))
                : PulseStrings.SpreadNoRange));
            body.Add(new TextBlock(spread.ArtAverage is { } average
                ? Localized.Format(PulseStrings.SpreadArt, Localized.Number(average), spread.Answers)
                : Localized.Format(PulseStrings.SpreadArtBelow, PulseRules.MinAnswers)));
        }

        body.Add(new TextBlock(PulseStrings.SpreadFootnote) { IsSubtle = true, Size = "Small", Separator = true });
        return new AdaptiveCard { Body = body, FallbackText = PulseStrings.SpreadFallback };
    }
}
