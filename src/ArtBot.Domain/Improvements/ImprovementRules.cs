using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using ArtBot.Domain.Text;

namespace ArtBot.Domain.Improvements;

/// <summary>The pure rules of improvement items: texts, statuses, field changes, review lists and carry-over.</summary>
public static partial class ImprovementRules
{
    public const int MaxProblemLength = 200;
    public const int MaxOutcomeLength = 1000;
    public const int MaxWhyLength = 500;
    public const int MaxWhys = 5;
    public const int MaxTitleLength = 80;
    public const int MaxImpediments = 10;
    /// <summary>Most of last PI's items shown at the start of a workshop.</summary>
    public const int MaxReview = 10;

    public static bool IsOpen(ImprovementStatus status) =>
        status is ImprovementStatus.Proposed or ImprovementStatus.Committed or ImprovementStatus.InProgress;

    /// <summary>A status in the reader's language ("In progress", "In Bearbeitung").</summary>
    public static string Describe(ImprovementStatus status) => Describe(status, null);

    /// <summary>A status as the history stores it (English) in the reader's language; anything else as stored.</summary>
    public static string? DescribeStored(string? stored) =>
        Enum.GetValues<ImprovementStatus>().Where(s => Describe(s, CultureInfo.InvariantCulture) == stored).Select(Describe).FirstOrDefault() ?? stored;

    /// <summary>A status in <paramref name="culture"/> (null: the reader's language); the history stores it in English.</summary>
    private static string Describe(ImprovementStatus status, CultureInfo? culture) => ImprovementRuleStrings.ResourceManager.GetString(
        status switch
        {
            ImprovementStatus.Proposed => nameof(ImprovementRuleStrings.StatusProposed),
            ImprovementStatus.Committed => nameof(ImprovementRuleStrings.StatusCommitted),
            ImprovementStatus.InProgress => nameof(ImprovementRuleStrings.StatusInProgress),
            ImprovementStatus.Done => nameof(ImprovementRuleStrings.StatusDone),
            ImprovementStatus.Dropped => nameof(ImprovementRuleStrings.StatusDropped),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        },
        culture)!;

    /// <summary>The value a card sends for a status (<c>proposed</c>, <c>committed</c>, <c>inprogress</c>, <c>done</c>, <c>dropped</c>).</summary>
    public static string Value(ImprovementStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? text, out ImprovementStatus status)
    {
        var normalized = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        foreach (var candidate in Enum.GetValues<ImprovementStatus>())
        {
            if (string.Equals(Value(candidate), normalized, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>A problem statement: HTML removed, whitespace collapsed, Markdown escaped; 1..300 characters.</summary>
    public static TextCheck CheckProblem(string? text) =>
        Check(text, MaxProblemLength, ImprovementRuleStrings.ProblemEmpty, ImprovementRuleStrings.ProblemTooLong);

    public static TextCheck CheckOutcome(string? text) =>
        Check(text, MaxOutcomeLength, ImprovementRuleStrings.OutcomeEmpty, ImprovementRuleStrings.OutcomeTooLong);

    /// <summary>Root-cause notes: up to five answers to "why?"; empty answers are dropped, at least one is needed.</summary>
    public static (IReadOnlyList<string>? Whys, string? Error) CheckWhys(IEnumerable<string?> whys)
    {
        var clean = new List<string>();
        foreach (var why in whys.Take(MaxWhys))
        {
            var collapsed = PlainText.OneLine(why);
            if (collapsed.Length == 0)
            {
                continue;
            }

            if (collapsed.Length > MaxWhyLength)
            {
                return (null, Localized.Format(ImprovementRuleStrings.WhyTooLong, MaxWhyLength));
            }

            clean.Add(PlainText.EscapeMarkdown(collapsed));
        }

        return clean.Count == 0 ? (null, ImprovementRuleStrings.WhysEmpty) : (clean, null);
    }

    /// <summary>Impediment ids (letters, digits, '-', '_'; comma or space separated), at most 10; empty clears the links.</summary>
    public static (IReadOnlyList<string>? Ids, string? Error) CheckImpedimentIds(string? text)
    {
        var ids = (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.TrimStart('#')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count > MaxImpediments)
        {
            return (null, Localized.Format(ImprovementRuleStrings.TooManyImpediments, MaxImpediments));
        }

        if (ids.FirstOrDefault(id => !ImpedimentId().IsMatch(id)) is { } bad)
        {
            return (null, Localized.Format(ImprovementRuleStrings.NotAnImpedimentId, PlainText.EscapeMarkdown(bad.Length > 40 ? bad[..40] + "..." : bad)));
        }

        return (ids, null);
    }

    /// <summary>A short title from a problem statement: its first 80 characters, cut at a word.</summary>
    public static string TitleOf(string problem)
    {
        if (problem.Length <= MaxTitleLength)
        {
            return problem;
        }

        var cut = problem.LastIndexOf(' ', MaxTitleLength - 1);
        var title = problem[..(cut > 40 ? cut : MaxTitleLength - 1)];
        return title.TrimEnd('\\') + "\u2026";
    }

    /// <summary>The field's value as shown and compared (and as the card sends it back).</summary>
    public static string Read(ImprovementItem item, string field) => field switch
    {
        ImprovementField.Owner => item.OwnerId ?? "",
        ImprovementField.Status => Value(item.Status),
        ImprovementField.Outcome => item.ExpectedOutcome ?? "",
        ImprovementField.RootCause => string.Join("\n", item.Whys),
        ImprovementField.Impediments => string.Join(", ", item.ImpedimentIds),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an editable field."),
    };

    /// <summary>How the history shows a field's value (stored, so a status is in English).</summary>
    public static string? Display(ImprovementItem item, string field) => field switch
    {
        ImprovementField.Owner => item.OwnerName ?? item.OwnerId,
        ImprovementField.Status => Describe(item.Status, CultureInfo.InvariantCulture),
        _ => Read(item, field) is { Length: > 0 } value ? value : null,
    };

    /// <summary>
    /// Whether a change made from a card showing <paramref name="seen"/> may be applied to the stored item: yes when
    /// the field still holds what the person saw; when it already holds the new value nothing is to be done (a
    /// redelivery, or two people making the same change); otherwise someone changed it meanwhile: a conflict.
    /// </summary>
    public static EditCheck CheckEdit(ImprovementItem stored, string field, string? seen, string wanted)
    {
        var current = Read(stored, field);
        if (string.Equals(current, wanted, StringComparison.Ordinal))
        {
            return EditCheck.AlreadyApplied;
        }

        return seen is null || string.Equals(current, seen, StringComparison.Ordinal) ? EditCheck.Apply : EditCheck.Conflict;
    }

    /// <summary>
    /// Last PI's items for the review at the start of a workshop: items of earlier workshops targeted at the PI being
    /// inspected (done, dropped or not), plus any item still open, newest PI first; at most <see cref="MaxReview"/>.
    /// Without a PI: the items of the previous workshop plus every open one.
    /// </summary>
    public static IReadOnlyList<ImprovementItem> ForReview(IEnumerable<ImprovementItem> items, string? pi, string? previousWorkshopId) =>
        [.. items
            .Where(i => i.IsOpen
                || (pi is not null && string.Equals(i.TargetPi, pi, StringComparison.Ordinal))
                || (previousWorkshopId is not null && string.Equals(i.WorkshopId, previousWorkshopId, StringComparison.Ordinal)))
            .OrderBy(i => i.IsOpen ? 1 : 0).ThenByDescending(i => i.Dots).ThenBy(i => i.CreatedAt)
            .Take(MaxReview)];

    /// <summary>Open items not yet carried into <paramref name="newPi"/>.</summary>
    public static IReadOnlyList<ImprovementItem> ToCarry(IEnumerable<ImprovementItem> items, string newPi) =>
        [.. items.Where(i => i.IsOpen && !string.Equals(i.TargetPi, newPi, StringComparison.Ordinal)).OrderBy(i => i.CreatedAt)];

    /// <summary>
    /// The item carried into <paramref name="newPi"/>: its target becomes the new PI and it remembers the PI it came
    /// from (its previous target, else the PI that ended, else the PI whose workshop produced it).
    /// </summary>
    public static ImprovementItem CarryInto(ImprovementItem item, string? previousPi, string newPi, DateTimeOffset at) => item with
    {
        TargetPi = newPi,
        CarriedFromPi = item.TargetPi ?? previousPi ?? item.SourcePi,
        UpdatedAt = at,
    };

    /// <summary>"today", "1 day", "12 days", "5 weeks".</summary>
    public static string Age(DateTimeOffset createdAt, DateTimeOffset now)
    {
        var days = (int)Math.Floor((now - createdAt).TotalDays);
        return days switch
        {
            <= 0 => ImprovementRuleStrings.AgeToday,
            1 => ImprovementRuleStrings.AgeDaysOne,
            < 28 => Localized.Format(ImprovementRuleStrings.AgeDaysOther, days.ToString(CultureInfo.InvariantCulture)),
            _ => Localized.Format(ImprovementRuleStrings.AgeWeeksOther, (days / 7).ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static TextCheck Check(string? text, int max, string emptyError, string tooLongFormat)
    {
        var collapsed = PlainText.OneLine(text);
        return collapsed.Length switch
        {
            0 => new TextCheck(null, emptyError),
            _ when collapsed.Length > max => new TextCheck(null, Localized.Format(tooLongFormat, collapsed.Length, max)),
            _ => new TextCheck(PlainText.EscapeMarkdown(collapsed), null),
        };
    }



    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ImpedimentId();
}

/// <summary>The result of <see cref="ImprovementRules.CheckEdit"/>.</summary>
public enum EditCheck
{
    Apply,
    AlreadyApplied,
    Conflict,
}
