namespace ArtBot.Domain.Pulses;

/// <summary>A pulse and its answers, as read from the store.</summary>
public sealed record PulseResults(Pulse Pulse, IReadOnlyList<PulseAnswer> Answers)
{
    public PulseFigure Figure => PulseRules.Figure(Answers);
}
