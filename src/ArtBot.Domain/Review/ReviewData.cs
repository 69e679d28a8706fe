using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;

namespace ArtBot.Domain.Review;

/// <summary>
/// What one ART's quantitative review is made from, as read from the stores: every PI's objectives, demo feedback and
/// integration problems, the ART's impediments (resolved ones too) and improvement items, the pulses of the PIs shown,
/// and the ART's team channels.
/// </summary>
public sealed record ReviewData
{
    public IReadOnlyList<PiObjective> Objectives { get; init; } = [];
    public IReadOnlyList<DemoFeedback> Feedback { get; init; } = [];
    public IReadOnlyList<IntegrationProblem> Problems { get; init; } = [];
    public IReadOnlyList<Impediment> Impediments { get; init; } = [];
    public IReadOnlyList<ImprovementItem> Improvements { get; init; } = [];
    public IReadOnlyList<PulseReview> Pulses { get; init; } = [];
    /// <summary>The ART's team channels (no thread suffix); teams met only in the data are added.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];
}

/// <summary>A PI as the review knows it: its name, first day and last day (null: not known, the review reads it up to now).</summary>
public sealed record ReviewPi(string Name, DateOnly Start, DateOnly? End);
