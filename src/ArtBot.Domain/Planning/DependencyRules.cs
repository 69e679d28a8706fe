using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.Planning;

/// <summary>
/// The rules of dependencies: accepted text and iterations, the providing team's answers (commit, decline, deliver),
/// and when a dependency is at risk: committed later than needed, or not delivered when its iteration ended. Pure.
/// </summary>
public static class DependencyRules
{
    public const int MaxTextLength = 300;
    public const int MaxReasonLength = 300;

    public static Checked<string> CheckText(string? text) =>
        PlanText.CheckSentence(text, MaxTextLength, PlanRuleStrings.DependencyTooLong, PlanRuleStrings.DependencyEmpty);

    /// <summary>An iteration number of <paramref name="iterations"/> (the PI's).</summary>
    public static Checked<int> CheckIteration(string? value, IReadOnlyList<Iteration> iterations) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && iterations.Any(i => i.Number == number)
            ? Checked.Ok(number)
            : Checked.Fail<int>(iterations.Count == 0
                ? PlanRuleStrings.NoIterations
                : Localized.Format(PlanRuleStrings.IterationChoose, iterations[^1].Number));

    /// <summary>The providing team commits to <paramref name="iteration"/>: at risk at once when that is later than needed.</summary>
    public static Checked<Dependency> Commit(Dependency dependency, int iteration) => dependency.Status == DependencyStatus.Delivered
        ? Checked.Fail<Dependency>(PlanRuleStrings.DependencyDelivered)
        : Checked.Ok(dependency with
        {
            CommittedIteration = iteration,
            Status = iteration > dependency.NeededBy ? DependencyStatus.AtRisk : DependencyStatus.Committed,
            DeclineReason = null,
        });

    public static Checked<Dependency> Decline(Dependency dependency, string? reason)
    {
        var clean = PlainText.OneLine(reason);
        return dependency.Status == DependencyStatus.Delivered ? Checked.Fail<Dependency>(PlanRuleStrings.DependencyDelivered)
            : clean.Length == 0 ? Checked.Fail<Dependency>(PlanRuleStrings.DeclineReasonEmpty)
            : clean.Length > MaxReasonLength ? Checked.Fail<Dependency>(Localized.Format(PlanRuleStrings.DeclineReasonTooLong, MaxReasonLength))
            : Checked.Ok(dependency with { Status = DependencyStatus.Declined, DeclineReason = clean, CommittedIteration = null });
    }

    public static Checked<Dependency> Deliver(Dependency dependency) => dependency.Status == DependencyStatus.Declined
        ? Checked.Fail<Dependency>(PlanRuleStrings.DeliverDeclined)
        : Checked.Ok(dependency with { Status = DependencyStatus.Delivered });

    /// <summary>
    /// The status as of <paramref name="today"/>, with why it is at risk: committed later than needed, or its
    /// iteration (committed, else needed) ended without delivery. Delivered and declined stay as they are.
    /// </summary>
    public static (DependencyStatus Status, string? Why) StatusOn(Dependency dependency, IReadOnlyList<Iteration> iterations, DateOnly today)
    {
        if (dependency.IsClosed)
        {
            return (dependency.Status, null);
        }

        if (dependency.CommittedIteration is { } committed && committed > dependency.NeededBy)
        {
            return (DependencyStatus.AtRisk, Localized.Format(PlanRuleStrings.AtRiskCommittedLate, committed, dependency.NeededBy));
        }

        var due = iterations.FirstOrDefault(i => i.Number == dependency.DueIteration);
        return due is not null && today > due.End
            ? (DependencyStatus.AtRisk, Localized.Format(PlanRuleStrings.AtRiskNotDelivered, due.Number, Localized.DayMonth(due.End)))
            : (dependency.Status, null);
    }

    public static bool IsAtRisk(Dependency dependency, IReadOnlyList<Iteration> iterations, DateOnly today) =>
        StatusOn(dependency, iterations, today).Status == DependencyStatus.AtRisk;

    /// <summary>How cards name a status, in the reader's language.</summary>
    public static string Describe(DependencyStatus status) => Describe(status, null);

    /// <summary>A status in <paramref name="culture"/> (null: the reader's language); the history stores it in English.</summary>
    private static string Describe(DependencyStatus status, CultureInfo? culture) => PlanRuleStrings.ResourceManager.GetString(
        status switch
        {
            DependencyStatus.Requested => nameof(PlanRuleStrings.StatusRequested),
            DependencyStatus.Committed => nameof(PlanRuleStrings.StatusCommitted),
            DependencyStatus.AtRisk => nameof(PlanRuleStrings.StatusAtRisk),
            DependencyStatus.Delivered => nameof(PlanRuleStrings.StatusDelivered),
            _ => nameof(PlanRuleStrings.StatusDeclined),
        },
        culture)!;

    /// <summary>
    /// The history entries for what changed from <paramref name="before"/> to <paramref name="after"/>; a tied feature
    /// is named by <paramref name="featureName"/> (its title), else by its id.
    /// </summary>
    public static IReadOnlyList<PlanChange> Changes(Dependency before, Dependency after, Person by, DateTimeOffset at, Func<string, string?>? featureName = null)
    {
        string? Name(string? id) => id is null ? null : featureName?.Invoke(id) ?? id;
        var changes = new List<PlanChange>();
        if (before.Status != after.Status || before.DeclineReason != after.DeclineReason)
        {
            changes.Add(new PlanChange(at, by, DependencyField.Status, Describe(before.Status, CultureInfo.InvariantCulture),
                Describe(after.Status, CultureInfo.InvariantCulture) + (after.DeclineReason is { } reason ? ": " + reason : "")));
        }

        if (before.CommittedIteration != after.CommittedIteration)
        {
            changes.Add(new PlanChange(at, by, DependencyField.Iteration, Iteration(before.CommittedIteration), Iteration(after.CommittedIteration)));
        }

        if (before.RequesterFeatureId != after.RequesterFeatureId)
        {
            changes.Add(new PlanChange(at, by, DependencyField.RequesterFeature, Name(before.RequesterFeatureId), Name(after.RequesterFeatureId)));
        }

        if (before.ProviderFeatureId != after.ProviderFeatureId)
        {
            changes.Add(new PlanChange(at, by, DependencyField.ProviderFeature, Name(before.ProviderFeatureId), Name(after.ProviderFeatureId)));
        }

        if (before.RiskId != after.RiskId)
        {
            changes.Add(new PlanChange(at, by, DependencyField.Risk, before.RiskId, after.RiskId));
        }

        return changes;
    }

    private static string? Iteration(int? number) => number is { } n ? "iteration " + n.ToString(CultureInfo.InvariantCulture) : null;
}
