using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Backlog;

/// <summary>How the backlog cards word a feature: its value and score, its state, where each team's part is planned.</summary>
public static class FeatureText
{
    /// <summary>"Business value 8 · WSJF 4.5" (what is set).</summary>
    public static string Value(Feature feature)
    {
        var parts = new List<string>();
        if (feature.BusinessValue is { } value)
        {
            parts.Add(Localized.Format(BacklogStrings.BusinessValue, value));
        }

        if (feature.Wsjf is { } wsjf)
        {
            parts.Add(Localized.Format(BacklogStrings.WsjfScore, Localized.Number(wsjf.Score)));
        }

        return parts.Count == 0 ? BacklogStrings.NotRated : string.Join(" \u00b7 ", parts);
    }

    public static string State(FeatureState state) => state switch
    {
        FeatureState.Planned => BacklogStrings.StatePlanned,
        FeatureState.InProgress => BacklogStrings.StateInProgress,
        FeatureState.Done => BacklogStrings.StateDone,
        FeatureState.Removed => BacklogStrings.StateRemoved,
        _ => BacklogStrings.StateBacklog,
    };

    /// <summary>"Rocket: iteration 2, 8 points; Comet: not planned".</summary>
    public static string Parts(Feature feature, IReadOnlyList<Iteration> iterations) => feature.Parts.Count == 0
        ? BacklogStrings.NoTeams
        : string.Join("; ", feature.Parts.Select(p => PlainText.EscapeMarkdown(p.TeamName) + ": " + Where(p.Iteration, iterations)
            + (p.Points is { } points ? ", " + Localized.Format(BacklogStrings.Points, points) : "")));

    /// <summary>"iteration 3", "iteration 6 (IP)" or "not planned".</summary>
    public static string Where(int? iteration, IReadOnlyList<Iteration> iterations) => iteration is not { } n
        ? BacklogStrings.NotPlanned
        : Localized.Format(iterations.Any(i => i.Number == n && i.IsIp) ? BacklogStrings.IterationIp : BacklogStrings.Iteration, n);

    /// <summary>The same at the start of a choice: "Iteration 3", "Iteration 6 (IP)".</summary>
    public static string Title(Iteration iteration) =>
        Localized.Format(iteration.IsIp ? BacklogStrings.IterationTitleIp : BacklogStrings.IterationTitle, iteration.Number);

    /// <summary>"Iteration 3 (1 Feb - 14 Feb)", IP marked.</summary>
    public static string Dates(Iteration iteration) => Localized.Format(
        iteration.IsIp ? BacklogStrings.IterationDatesIp : BacklogStrings.IterationDates,
        iteration.Number, Localized.DayMonth(iteration.Start), Localized.DayMonth(iteration.End));
}
