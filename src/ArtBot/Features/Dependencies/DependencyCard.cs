using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// One dependency: who needs what from whom by which iteration, its status as of today (at risk when committed later than
/// needed or not delivered when its iteration ended, with why), and the providing team's answers (commit to an iteration,
/// decline with a reason, mark delivered). An at-risk dependency can become a risk to ROAM, once; the history shows
/// every change with who and when.
/// </summary>
public static class DependencyCard
{
    public const string CreateVerb = "dependency.create";
    public const string ShowVerb = "dependency.show";
    public const string CommitVerb = "dependency.commit";
    public const string DeclineVerb = "dependency.decline";
    public const string DeliverVerb = "dependency.deliver";
    public const string RiskVerb = "dependency.risk";
    public const string IterationInput = "dependencyIteration";
    public const string ReasonInput = "dependencyReason";

    public static AdaptiveCard Build(
        Art art, Dependency dependency, IReadOnlyList<PlanChange> history, DateOnly today, bool mayAnswer, string? notice = null, string? noticeColor = null)
    {
        var iterations = art.CurrentPi is { } pi && pi.Name == dependency.Pi ? art.Cadence.Of(pi) : [];
        var (status, why) = DependencyRules.StatusOn(dependency, iterations, today);
        var body = new List<CardElement>
        {
            new TextBlock($"Dependency \u00b7 {DependencyRules.Describe(status)}") { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(PlainText.EscapeMarkdown(dependency.Text)) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = noticeColor ?? "Good", Weight = "Bolder" });
        }

        var facts = new List<Fact>
        {
            new("Needed by", PlainText.EscapeMarkdown(dependency.RequesterTeamName)),
            new("Provided by", PlainText.EscapeMarkdown(dependency.ProviderTeamName)),
            new("Needed in", Iteration(iterations, dependency.NeededBy) + $" of {PlainText.EscapeMarkdown(dependency.Pi)}"),
            new("Status", DependencyRules.Describe(status) + (why is null ? "" : $": {why}")),
        };
        if (dependency.CommittedIteration is { } committed)
        {
            facts.Add(new("Committed for", Iteration(iterations, committed)));
        }

        if (dependency.DeclineReason is { } reason)
        {
            facts.Add(new("Declined because", PlainText.EscapeMarkdown(reason)));
        }

        if (dependency.RiskId is not null)
        {
            facts.Add(new("Risk", "raised on the ART's risk list, to ROAM"));
        }

        facts.Add(new("Requested by", $"{PlainText.EscapeMarkdown(dependency.RequestedBy.DisplayName)}, {Day(dependency.CreatedAt)}"));
        body.Add(new FactSet(facts));
        if (status == DependencyStatus.AtRisk)
        {
            body.Add(new Container([new TextBlock("At risk: agree a plan in the ART sync, or ROAM it as a risk.") { Weight = "Bolder" }]) { Style = "warning" });
        }

        if (mayAnswer && !dependency.IsClosed)
        {
            body.Add(new TextBlock($"{PlainText.EscapeMarkdown(dependency.ProviderTeamName)} provides this: commit to an iteration, decline with a reason, or mark it delivered.")
            {
                IsSubtle = true,
            });
        }

        if (history.Count > 0)
        {
            body.Add(new TextBlock("History") { Weight = "Bolder", Separator = true });
            body.AddRange(history.TakeLast(8).Select(change => new TextBlock(Describe(change)) { Size = "Small", Spacing = "None" }));
        }

        return new AdaptiveCard { Body = body, Actions = Actions(dependency, iterations, status, mayAnswer), FallbackText = "Dependency: " + dependency.Text };
    }

    /// <summary>"iteration 3 (1 Feb - 14 Feb)", or "iteration 3" when the PI's dates are not known any more.</summary>
    public static string Iteration(IReadOnlyList<Iteration> iterations, int number) =>
        iterations.FirstOrDefault(i => i.Number == number) is { } iteration
            ? $"iteration {number} ({iteration.Start.ToString("d MMM", CultureInfo.InvariantCulture)} - {iteration.End.ToString("d MMM", CultureInfo.InvariantCulture)}{(iteration.IsIp ? ", IP" : "")})"
            : $"iteration {number}";

    /// <summary>The same at the start of a line or a choice: "Iteration 3 (1 Feb - 14 Feb)".</summary>
    public static string IterationTitle(IReadOnlyList<Iteration> iterations, int number) => "I" + Iteration(iterations, number)[1..];

    /// <summary>The iterations of the ART's current PI as choices ("Iteration 3 (1 Feb - 14 Feb)").</summary>
    public static List<Choice> IterationChoices(IReadOnlyList<Iteration> iterations) =>
        [.. iterations.Select(i => new Choice(IterationTitle(iterations, i.Number), i.Number.ToString(CultureInfo.InvariantCulture)))];

    public static JsonObject Data(Dependency dependency) => new() { ["id"] = dependency.Id };

    private static List<CardAction> Actions(Dependency dependency, IReadOnlyList<Iteration> iterations, DependencyStatus status, bool mayAnswer)
    {
        var actions = new List<CardAction>();
        if (mayAnswer && dependency.Status != DependencyStatus.Delivered && iterations.Count > 0)
        {
            actions.Add(new ShowCardAction(dependency.CommittedIteration is null ? "Commit" : "Change iteration", new AdaptiveCard
            {
                Body =
                [
                    new ChoiceSetInput(IterationChoices(iterations))
                    {
                        Id = IterationInput,
                        Label = "We deliver it by",
                        Value = (dependency.CommittedIteration ?? dependency.NeededBy).ToString(CultureInfo.InvariantCulture),
                        Style = "compact",
                        IsRequired = true,
                        ErrorMessage = "Choose an iteration.",
                    },
                ],
                Actions = [new ExecuteAction("Commit", CommitVerb, Data(dependency)) { AssociatedInputs = "auto" }],
            }));
        }

        if (mayAnswer && !dependency.IsClosed)
        {
            actions.Add(new ShowCardAction("Decline", new AdaptiveCard
            {
                Body =
                [
                    new TextInput
                    {
                        Id = ReasonInput,
                        Label = "Why can your team not provide it?",
                        IsMultiline = true,
                        MaxLength = DependencyRules.MaxReasonLength,
                        IsRequired = true,
                        ErrorMessage = "Give a reason, so the other team can plan around it.",
                    },
                ],
                Actions = [new ExecuteAction("Decline", DeclineVerb, Data(dependency)) { AssociatedInputs = "auto" }],
            }));
            actions.Add(new ExecuteAction("Mark delivered", DeliverVerb, Data(dependency)));
        }

        if (status == DependencyStatus.AtRisk && dependency.RiskId is null)
        {
            actions.Add(new ExecuteAction("Raise as risk", RiskVerb, Data(dependency)));
        }

        actions.Add(new ExecuteAction("Refresh", ShowVerb, Data(dependency)));
        return actions;
    }

    private static string Describe(PlanChange change)
    {
        var when = change.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var what = change.Field switch
        {
            DependencyField.Created => "requested it" + (change.To is { Length: > 0 } to ? $" ({to})" : ""),
            DependencyField.Risk => "raised it as a risk",
            _ => $"{change.Field}: {change.From ?? "none"} \u2192 {change.To ?? "none"}",
        };
        return $"{when} \u00b7 {PlainText.EscapeMarkdown(change.By.DisplayName)}: {PlainText.EscapeMarkdown(what)}";
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
