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
        PlanText.CheckSentence(text, MaxTextLength, "A dependency", "Say what your team needs from the other team, in a sentence.");

    /// <summary>An iteration number of <paramref name="iterations"/> (the PI's).</summary>
    public static Checked<int> CheckIteration(string? value, IReadOnlyList<Iteration> iterations) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && iterations.Any(i => i.Number == number)
            ? Checked.Ok(number)
            : Checked.Fail<int>(iterations.Count == 0
                ? "The ART has no current PI, so there are no iterations to choose from."
                : $"Choose an iteration of the PI: 1 to {iterations[^1].Number}.");

    /// <summary>The providing team commits to <paramref name="iteration"/>: at risk at once when that is later than needed.</summary>
    public static Checked<Dependency> Commit(Dependency dependency, int iteration) => dependency.Status == DependencyStatus.Delivered
        ? Checked.Fail<Dependency>("This dependency is delivered already.")
        : Checked.Ok(dependency with
        {
            CommittedIteration = iteration,
            Status = iteration > dependency.NeededBy ? DependencyStatus.AtRisk : DependencyStatus.Committed,
            DeclineReason = null,
        });

    public static Checked<Dependency> Decline(Dependency dependency, string? reason)
    {
        var clean = PlainText.OneLine(reason);
        return dependency.Status == DependencyStatus.Delivered ? Checked.Fail<Dependency>("This dependency is delivered already.")
            : clean.Length == 0 ? Checked.Fail<Dependency>("Say why your team cannot provide it, so the other team can plan around it.")
            : clean.Length > MaxReasonLength ? Checked.Fail<Dependency>($"The reason is at most {MaxReasonLength} characters.")
            : Checked.Ok(dependency with { Status = DependencyStatus.Declined, DeclineReason = clean, CommittedIteration = null });
    }

    public static Checked<Dependency> Deliver(Dependency dependency) => dependency.Status == DependencyStatus.Declined
        ? Checked.Fail<Dependency>("This dependency was declined; commit to it before marking it delivered.")
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
            return (DependencyStatus.AtRisk, $"committed for iteration {committed}, needed by iteration {dependency.NeededBy}");
        }

        var due = iterations.FirstOrDefault(i => i.Number == dependency.DueIteration);
        return due is not null && today > due.End
            ? (DependencyStatus.AtRisk, $"not delivered by the end of iteration {due.Number} ({due.End.ToString("d MMM", CultureInfo.InvariantCulture)})")
            : (dependency.Status, null);
    }

    public static bool IsAtRisk(Dependency dependency, IReadOnlyList<Iteration> iterations, DateOnly today) =>
        StatusOn(dependency, iterations, today).Status == DependencyStatus.AtRisk;

    /// <summary>How cards and the history name a status.</summary>
    public static string Describe(DependencyStatus status) => status switch
    {
        DependencyStatus.Requested => "requested",
        DependencyStatus.Committed => "committed",
        DependencyStatus.AtRisk => "at risk",
        DependencyStatus.Delivered => "delivered",
        _ => "declined",
    };

    /// <summary>The history entries for what changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IReadOnlyList<PlanChange> Changes(Dependency before, Dependency after, Person by, DateTimeOffset at)
    {
        var changes = new List<PlanChange>();
        if (before.Status != after.Status || before.DeclineReason != after.DeclineReason)
        {
            changes.Add(new PlanChange(at, by, DependencyField.Status, Describe(before.Status),
                Describe(after.Status) + (after.DeclineReason is { } reason ? ": " + reason : "")));
        }

        if (before.CommittedIteration != after.CommittedIteration)
        {
            changes.Add(new PlanChange(at, by, DependencyField.Iteration, Iteration(before.CommittedIteration), Iteration(after.CommittedIteration)));
        }

        if (before.RiskId != after.RiskId)
        {
            changes.Add(new PlanChange(at, by, DependencyField.Risk, before.RiskId, after.RiskId));
        }

        return changes;
    }

    private static string? Iteration(int? number) => number is { } n ? "iteration " + n.ToString(CultureInfo.InvariantCulture) : null;
}
