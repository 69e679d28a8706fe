namespace ArtBot.Domain.Pulses;

/// <summary>
/// The ART's view of one iteration: how many teams answered and how many have a figure, the lowest, median and highest
/// team figure (no team named: not a league table) and the average over every answer of the ART.
/// </summary>
public sealed record PulseSpread(int Iteration, int TeamsAnswered, int TeamsWithFigure, double? Lowest, double? Median, double? Highest, int Answers, double? ArtAverage);
