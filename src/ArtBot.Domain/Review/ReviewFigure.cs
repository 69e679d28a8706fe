namespace ArtBot.Domain.Review;

/// <summary>
/// One measure's figure: its value, null when there is too little data to say anything ("no data", never 0), and how
/// much data it stands on (objectives, verdicts, problems, impediments, items, answers).
/// </summary>
public sealed record ReviewFigure(double? Value, int Sample)
{
    public static readonly ReviewFigure None = new(null, 0);

    public bool HasValue => Value is not null;
}

/// <summary>The figures of one ART or team in one PI, one per measure (every measure is there, perhaps without a value).</summary>
public sealed record ReviewFigures(IReadOnlyDictionary<ReviewMeasure, ReviewFigure> Values)
{
    public ReviewFigure this[ReviewMeasure measure] => Values.TryGetValue(measure, out var figure) ? figure : ReviewFigure.None;
}
