using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.Planning;

/// <summary>
/// The rules of PI objectives: what text and values are accepted, when teams may edit them (until the PI starts, or
/// while RTEs reopened them), and when actual values may be entered (from the PI's last iteration on). Pure.
/// </summary>
public static class ObjectiveRules
{
    public const int MaxTextLength = 300;
    public const int MinPlanned = 1;
    public const int MaxValue = 10;
    /// <summary>How many objectives a team may have in one PI (SAFe suggests a handful; a card stays readable).</summary>
    public const int MaxPerTeam = 10;

    public static Checked<string> CheckText(string? text) =>
        PlanText.CheckSentence(text, MaxTextLength, PlanRuleStrings.ObjectiveTooLong, PlanRuleStrings.ObjectiveEmpty);

    /// <summary>A planned business value: a whole number from 1 to 10.</summary>
    public static Checked<int> CheckPlanned(string? value) => CheckValue(value, MinPlanned, PlanRuleStrings.ValuePlannedRange);

    /// <summary>An actual business value: a whole number from 0 (nothing delivered) to 10.</summary>
    public static Checked<int> CheckActual(string? value) => CheckValue(value, 0, PlanRuleStrings.ValueActualRange);

    /// <summary>May teams add and edit the objectives of <paramref name="art"/>'s current PI on <paramref name="today"/>?</summary>
    public static bool IsOpenForEdits(Art art, DateOnly today) =>
        art.CurrentPi is { } pi && (today < pi.Start || string.Equals(art.ObjectivesReopenedFor, pi.Name, StringComparison.Ordinal));

    /// <summary>The first day actual values may be entered: the first day of the PI's last iteration.</summary>
    public static DateOnly ActualsFrom(Art art) =>
        art.CurrentPi is { } pi ? art.Cadence.Of(pi)[^1].Start : DateOnly.MaxValue;

    /// <summary>May Business Owners enter actual values for the current PI on <paramref name="today"/>?</summary>
    public static bool IsOpenForActuals(Art art, DateOnly today) => art.CurrentPi is not null && today >= ActualsFrom(art);

    /// <summary>May this person set business values? Business Owners, and RTEs.</summary>
    public static bool MaySetValues(Art art, string? personId) => art.IsBusinessOwner(personId) || art.IsRte(personId);

    /// <summary>"committed", "uncommitted": how the history names the commitment (stored and compared, so English).</summary>
    public static string Commitment(bool committed) => committed ? "committed" : "uncommitted";

    /// <summary>A stored <see cref="Commitment"/> value in the reader's language; anything else as stored.</summary>
    public static string? DescribeStoredCommitment(string? stored) => stored switch
    {
        "committed" => PlanRuleStrings.StoredCommitted,
        "uncommitted" => PlanRuleStrings.StoredUncommitted,
        _ => stored,
    };

    public static string? Value(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the team commits to: "5 committed objectives, planned business value 38 (1 without a planned value yet)".</summary>
    public static string DescribeCommitment(IReadOnlyCollection<PiObjective> objectives)
    {
        var committed = objectives.Where(o => o.Committed).ToList();
        var planned = committed.Sum(o => o.PlannedValue ?? 0);
        var missing = committed.Count(o => o.PlannedValue is null);
        var uncommitted = objectives.Count - committed.Count;
        var text = committed.Count == 1
            ? Localized.Format(PlanRuleStrings.CommitmentOne, planned)
            : Localized.Format(PlanRuleStrings.CommitmentOther, committed.Count, planned);
        if (missing > 0)
        {
            text = Localized.Format(PlanRuleStrings.CommitmentWithMissing, text, missing);
        }

        return uncommitted > 0 ? Localized.Format(PlanRuleStrings.CommitmentWithUncommitted, text, uncommitted) : text;
    }

    /// <summary>
    /// The history entries for what changed from <paramref name="before"/> to <paramref name="after"/>; covered features
    /// are named by their titles in <paramref name="featureTitles"/> (by id when a title is unknown).
    /// </summary>
    public static IReadOnlyList<PlanChange> Changes(
        PiObjective before, PiObjective after, Person by, DateTimeOffset at, IReadOnlyDictionary<string, string>? featureTitles = null)
    {
        var changes = new List<PlanChange>();
        Add(ObjectiveField.Text, before.Text, after.Text);
        Add(ObjectiveField.Commitment, Commitment(before.Committed), Commitment(after.Committed));
        Add(ObjectiveField.Planned, Value(before.PlannedValue), Value(after.PlannedValue));
        Add(ObjectiveField.Actual, Value(before.ActualValue), Value(after.ActualValue));
        if (!before.FeatureIds.SequenceEqual(after.FeatureIds, StringComparer.Ordinal))
        {
            changes.Add(new PlanChange(at, by, ObjectiveField.Features, Titles(before.FeatureIds), Titles(after.FeatureIds)));
        }

        return changes;

        string? Titles(IReadOnlyList<string> ids) => ids.Count == 0
            ? null
            : string.Join(", ", ids.Select(id => featureTitles is not null && featureTitles.TryGetValue(id, out var title) ? title : id));

        void Add(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange(at, by, field, from, to));
            }
        }
    }

    private static Checked<int> CheckValue(string? value, int min, string outOfRange) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= MaxValue
            ? Checked.Ok(number)
            : Checked.Fail<int>(Localized.Format(outOfRange, min, MaxValue));
}
