namespace ArtBot.Domain.Pulses;

/// <summary>A PI's pulses for the quantitative review: the figures per team and iteration (shown ones only) and the ART's spread per iteration.</summary>
public sealed record PulseReview(string Pi, IReadOnlyList<TeamPulseFigure> Teams, IReadOnlyList<PulseSpread> Art);

/// <summary>One team's shown figure for one iteration.</summary>
public sealed record TeamPulseFigure(string TeamConversationId, int Iteration, PulseFigure Figure);
