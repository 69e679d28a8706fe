namespace ArtBot.Domain.Review;

/// <summary>
/// The measures of the I&amp;A quantitative review, in the order they are shown: predictability, the System Demos'
/// acceptance, integration problems, impediment ageing, improvement items done, team satisfaction.
/// </summary>
public enum ReviewMeasure
{
    /// <summary>Actual business value of the PI objectives against the committed planned value (percent).</summary>
    Predictability,
    /// <summary>Demo feedback: accepted of accepted and "needs work" verdicts (percent); "not shown" counted apart.</summary>
    DemoAcceptance,
    /// <summary>Demo feedback saying the item was not shown (count).</summary>
    DemoNotShown,
    /// <summary>Integration problems recorded at the PI's demos (count).</summary>
    ProblemsFound,
    /// <summary>Of those, repaired (count).</summary>
    ProblemsRepaired,
    /// <summary>Impediments open at the PI's end (or now): their median age in days.</summary>
    ImpedimentOpenMedianDays,
    /// <summary>Impediments open at the PI's end (or now): the oldest one's age in days.</summary>
    ImpedimentOldestDays,
    /// <summary>Impediments resolved in the PI: the median days from raised to resolved.</summary>
    ImpedimentResolveMedianDays,
    /// <summary>Improvement items planned for the PI (from the last I&amp;A or carried over): done of all (percent).</summary>
    ImprovementsDone,
    /// <summary>Team satisfaction pulses: the average score (1 to 5), only from enough answers to stay anonymous.</summary>
    Satisfaction,
}

/// <summary>How a measure's value reads.</summary>
public enum ReviewUnit
{
    Percent,
    Count,
    Days,
    Score,
}
