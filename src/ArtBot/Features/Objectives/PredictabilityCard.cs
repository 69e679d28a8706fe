using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Objectives;

/// <summary>
/// The ART predictability measure as a bar chart drawn with columns (Teams renders no chart element in a card): each
/// team's and the ART's figure for this PI, the ART's over the last PIs, and a table of each team's figure per PI. Bars
/// run from 0 to 150%; a ruler above each chart marks SAFe's 80-100% band, and every bar carries its figure in text,
/// so the chart reads without colour; bars and band are filled in colours with 3:1 contrast in every theme (<see cref="CardBars"/>). Objectives without a planned or actual value are named under the chart.
/// </summary>
public static class PredictabilityCard
{
    public const int ScaleMax = 150;
    public const int PisShown = 4;
    private const string LabelWidth = "25";
    private const string BarWidth = "55";
    private const string FigureWidth = "20";

    public static AdaptiveCard Build(Art art, IReadOnlyList<PiPredictability> pis)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(ObjectiveStrings.PredictabilityTitle, PlainText.EscapeMarkdown(art.Name))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(ObjectiveStrings.PredictabilitySubtitle, Localized.Count(Predictability.BandLow), Percent(Predictability.BandHigh))) { IsSubtle = true, Spacing = "None" },
        };

        var current = pis.Count > 0 ? pis[^1] : null;
        if (current is null)
        {
            body.Add(new TextBlock(ObjectiveStrings.PredictabilityNone));
            return new AdaptiveCard { Body = body, FallbackText = Localized.Format(ObjectiveStrings.PredictabilityTitle, art.Name) };
        }

        body.Add(Heading(Localized.Format(ObjectiveStrings.PredictabilityByTeam, PlainText.EscapeMarkdown(current.Pi))));
        body.Add(Ruler());
        body.Add(Bar($"**{PlainText.EscapeMarkdown(art.Name)}**", current.Art));
        body.AddRange(current.Teams.Select(t => Bar(PlainText.EscapeMarkdown(t.TeamName), t.Figure)));

        if (pis.Count > 1)
        {
            body.Add(Heading(ObjectiveStrings.PredictabilityArtOverPis));
            body.Add(Ruler());
            body.AddRange(pis.Select(p => Bar(PlainText.EscapeMarkdown(p.Pi), p.Art)));

            body.Add(Heading(ObjectiveStrings.PredictabilityTeamsOverPis));
            var teams = pis.SelectMany(p => p.Teams).GroupBy(t => t.TeamConversationId, StringComparer.Ordinal)
                .Select(g => g.Last()).OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase).ToList();
            body.Add(new FactSet([.. teams.Select(team => new Fact(
                team.TeamName,
                string.Join(" \u00b7 ", pis.Select(p => $"{p.Pi}: {Figure(p.Teams.FirstOrDefault(t => t.TeamConversationId == team.TeamConversationId)?.Figure)}"))))]));
        }

        body.AddRange(Missing(current));
        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(ObjectiveStrings.PredictabilityFallback, art.Name, current.Pi, Figure(current.Art)) };
    }

    /// <summary>"87%", "no committed value" or "none" (no objectives).</summary>
    public static string Figure(Predictability? figure) => figure switch
    {
        null => ObjectiveStrings.FigureNone,
        { Percent: { } percent } => Percent(percent),
        _ => ObjectiveStrings.FigureNoCommittedValue,
    };

    /// <summary>A whole percentage as the reader writes it: 87 is "87%" ("87 %" in German).</summary>
    private static string Percent(int percent) => Localized.Percent(percent / 100.0);

    private static IEnumerable<CardElement> Missing(PiPredictability pi)
    {
        var all = pi.Teams.SelectMany(t => t.Figure.WithoutPlanned.Select(o => (t.TeamName, Objective: o))).ToList();
        if (all.Count > 0)
        {
            yield return CardNotice.Of(Localized.Format(ObjectiveStrings.MissingPlanned, all.Count), "Warning", bolder: true, separator: true);
            foreach (var (team, objective) in all.Take(10))
            {
                yield return new TextBlock($"- {PlainText.EscapeMarkdown(team)}: {PlainText.EscapeMarkdown(PlainText.Shorten(objective.Text, 100))}") { Spacing = "None" };
            }
        }

        var unrated = pi.Teams.SelectMany(t => t.Figure.WithoutActual.Select(o => (t.TeamName, Objective: o))).ToList();
        if (unrated.Count > 0)
        {
            yield return new TextBlock(Localized.Format(ObjectiveStrings.MissingActual, unrated.Count)) { Weight = "Bolder", Separator = true };
            foreach (var (team, objective) in unrated.Take(10))
            {
                yield return new TextBlock($"- {PlainText.EscapeMarkdown(team)}: {PlainText.EscapeMarkdown(PlainText.Shorten(objective.Text, 100))}") { Spacing = "None" };
            }

            if (unrated.Count > 10)
            {
                yield return new TextBlock(Localized.Format(ObjectiveStrings.MoreCount, unrated.Count - 10)) { IsSubtle = true };
            }
        }

        if (pi.Art.AddedLate.Count > 0)
        {
            yield return new TextBlock(pi.Art.AddedLate.Count == 1
                ? ObjectiveStrings.AddedLateOne
                : Localized.Format(ObjectiveStrings.AddedLateOther, pi.Art.AddedLate.Count)) { IsSubtle = true };
        }
    }

    /// <summary>The band ruler: the 80-100% stretch of the 0-150% scale marked, aligned with the bars below.</summary>
    private static ColumnSet Ruler() => Row(
        new TextBlock(Localized.Format(ObjectiveStrings.RulerTarget, Localized.Count(Predictability.BandLow), Percent(Predictability.BandHigh))) { IsSubtle = true, Size = "Small", Wrap = false },
        new ColumnSet(
        [
            Segment(Predictability.BandLow, null, new TextBlock(Percent(0)) { Size = "Small", IsSubtle = true, Wrap = false }),
            Segment(Predictability.BandHigh - Predictability.BandLow, CardBars.Good, Blank()),
            Segment(ScaleMax - Predictability.BandHigh, null, new TextBlock(Percent(ScaleMax)) { Size = "Small", IsSubtle = true, HorizontalAlignment = "Right", Wrap = false }),
        ]),
        Blank());

    private static ColumnSet Bar(string label, Predictability figure)
    {
        var bar = figure.Percent is { } percent
            ? new ColumnSet(percent <= 0
                ? [Segment(ScaleMax, null, Blank())]
                : [Segment(Math.Min(percent, ScaleMax), Fill(figure), Blank()), .. percent < ScaleMax ? new[] { Segment(ScaleMax - percent, null, Blank()) } : []])
            : new ColumnSet([Segment(ScaleMax, null, new TextBlock(ObjectiveStrings.BarNoCommittedValue) { Size = "Small", IsSubtle = true })]);
        var text = figure.Percent is null ? Figure(figure)
            : Localized.Format(figure.IsInBand ? ObjectiveStrings.BarInBand : figure.Percent < Predictability.BandLow ? ObjectiveStrings.BarBelow : ObjectiveStrings.BarAbove, Figure(figure));
        return Row(new TextBlock(label) { Size = "Small" }, bar, new TextBlock(text) { Size = "Small", Weight = "Bolder", Wrap = false });
    }

    private static string Fill(Predictability figure) => figure.IsInBand ? CardBars.Good : figure.Percent < Predictability.BandLow ? CardBars.Attention : CardBars.Warning;

    private static ColumnSet Row(CardElement label, CardElement bar, CardElement figure) => new(
    [
        new Column([label]) { Width = LabelWidth, VerticalContentAlignment = "Center" },
        new Column([bar]) { Width = BarWidth, VerticalContentAlignment = "Center" },
        new Column([figure]) { Width = FigureWidth, VerticalContentAlignment = "Center" },
    ]) { Spacing = "Small" };

    private static Column Segment(int weight, string? fill, CardElement content) =>
        new([content]) { Width = weight.ToString(CultureInfo.InvariantCulture), BackgroundImage = fill is null ? null : CardBars.Fill(fill) };

    private static TextBlock Blank() => new("\u00a0") { Size = "Small" };

    private static TextBlock Heading(string text) => new(text) { Weight = "Bolder", Size = "Medium", Separator = true, Spacing = "Medium" };

}
