using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// One dependency: who needs what from whom by which iteration, its status as of today (at risk when committed later than
/// needed or not delivered when its iteration ended, with why), and the providing team's answers (commit to an iteration,
/// decline with a reason, mark delivered), and the features tied to it on both sides (the providing team picks its own
/// when it commits). An at-risk dependency can become a risk to ROAM, once; the history shows every change with who and when.
/// </summary>
public static class DependencyCard
{
    public const string CreateVerb = "dependency.create";
    public const string ShowVerb = "dependency.show";
    public const string CommitVerb = "dependency.commit";
    public const string DeclineVerb = "dependency.decline";
    public const string DeliverVerb = "dependency.deliver";
    public const string RiskVerb = "dependency.risk";

    public static AdaptiveCard Build(
        Art art, Dependency dependency, IReadOnlyList<PlanChange> history, DateOnly today, bool mayAnswer, string? notice = null, string? noticeColor = null,
        DependencyCardFeatures? features = null)
    {
        features ??= DependencyCardFeatures.None;
        var iterations = art.CurrentPi is { } pi && pi.Name == dependency.Pi ? art.Cadence.Of(pi) : [];
        var (status, why) = DependencyRules.StatusOn(dependency, iterations, today);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(DependencyStrings.CardHeader, DependencyRules.Describe(status))) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(PlainText.EscapeMarkdown(dependency.Text)) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = noticeColor ?? "Good", Weight = "Bolder" });
        }

        var facts = new List<Fact>
        {
            new(DependencyStrings.FactNeededBy, PlainText.EscapeMarkdown(dependency.RequesterTeamName)),
            new(DependencyStrings.FactProvidedBy, PlainText.EscapeMarkdown(dependency.ProviderTeamName)),
            new(DependencyStrings.FactNeededIn, Localized.Format(DependencyStrings.FactNeededInValue, Iteration(iterations, dependency.NeededBy), PlainText.EscapeMarkdown(dependency.Pi))),
            new(DependencyStrings.FactStatus, why is null ? DependencyRules.Describe(status) : Localized.Format(DependencyStrings.FactStatusWithReason, DependencyRules.Describe(status), why)),
        };
        if (dependency.CommittedIteration is { } committed)
        {
            facts.Add(new(DependencyStrings.FactCommittedFor, Iteration(iterations, committed)));
        }

        if (features.For is { } needing)
        {
            facts.Add(new(DependencyStrings.FactFor, FeatureOf(needing, dependency.RequesterTeamName)));
        }

        if (features.DeliveredBy is { } delivering)
        {
            facts.Add(new(DependencyStrings.FactDeliveredBy, FeatureOf(delivering, dependency.ProviderTeamName)));
        }

        if (dependency.DeclineReason is { } reason)
        {
            facts.Add(new(DependencyStrings.FactDeclinedBecause, PlainText.EscapeMarkdown(reason)));
        }

        if (dependency.RiskId is not null)
        {
            facts.Add(new(DependencyStrings.FactRisk, DependencyStrings.FactRiskValue));
        }

        facts.Add(new(DependencyStrings.FactRequestedBy, $"{PlainText.EscapeMarkdown(dependency.RequestedBy.DisplayName)}, {Localized.Date(dependency.CreatedAt)}"));
        body.Add(new FactSet(facts));
        if (status == DependencyStatus.AtRisk)
        {
            body.Add(new Container([new TextBlock(DependencyStrings.AtRisk) { Weight = "Bolder" }]) { Style = "warning" });
        }

        if (mayAnswer && !dependency.IsClosed)
        {
            body.Add(new TextBlock(Localized.Format(DependencyStrings.ProvidesThis, PlainText.EscapeMarkdown(dependency.ProviderTeamName)))
            {
                IsSubtle = true,
            });
        }

        if (history.Count > 0)
        {
            body.Add(new TextBlock(DependencyStrings.History) { Weight = "Bolder", Separator = true });
            body.AddRange(history.TakeLast(8).Select(change => new TextBlock(Describe(change)) { Size = "Small", Spacing = "None" }));
        }

        return new AdaptiveCard { Body = body, Actions = Actions(dependency, iterations, status, mayAnswer, features.ProviderChoices), FallbackText = Localized.Format(DependencyStrings.CardFallback, dependency.Text) };
    }

    /// <summary>"iteration 3 (1 Feb - 14 Feb)", or "iteration 3" when the PI's dates are not known any more.</summary>
    public static string Iteration(IReadOnlyList<Iteration> iterations, int number) => Iteration(iterations, number,
        DependencyStrings.IterationDates, DependencyStrings.IterationDatesIp, DependencyStrings.IterationNumber);

    /// <summary>The same at the start of a line or a choice: "Iteration 3 (1 Feb - 14 Feb)".</summary>
    public static string IterationTitle(IReadOnlyList<Iteration> iterations, int number) => Iteration(iterations, number,
        DependencyStrings.IterationTitleDates, DependencyStrings.IterationTitleDatesIp, DependencyStrings.IterationTitleNumber);

    /// <summary>The iterations of the ART's current PI as choices ("Iteration 3 (1 Feb - 14 Feb)").</summary>
    public static List<Choice> IterationChoices(IReadOnlyList<Iteration> iterations) =>
        [.. iterations.Select(i => new Choice(IterationTitle(iterations, i.Number), i.Number.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The data of the buttons that name only the dependency (open, refresh, mark delivered, raise as risk).</summary>
    public static JsonObject Data(Dependency dependency) => CardData.Write(new DependencyData { Id = dependency.Id }, DependencyCardDataContext.Default.DependencyData);

    private static List<CardAction> Actions(
        Dependency dependency, IReadOnlyList<Iteration> iterations, DependencyStatus status, bool mayAnswer, IReadOnlyList<Feature> providerFeatures)
    {
        var actions = new List<CardAction>();
        if (mayAnswer && dependency.Status != DependencyStatus.Delivered && iterations.Count > 0)
        {
            var inputs = new List<CardElement>
            {
                new ChoiceSetInput(IterationChoices(iterations))
                {
                    Id = DependencyCommitData.IterationInput,
                    Label = DependencyStrings.CommitLabel,
                    Value = (dependency.CommittedIteration ?? dependency.NeededBy).ToString(CultureInfo.InvariantCulture),
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = DependencyStrings.CommitError,
                },
            };
            if (providerFeatures.Count > 0)
            {
                inputs.Add(DependencyFeatures.Input(DependencyCommitData.FeatureInput, DependencyStrings.CommitFeatureLabel, providerFeatures, dependency.ProviderFeatureId));
            }

            actions.Add(new ShowCardAction(dependency.CommittedIteration is null ? DependencyStrings.ActionCommit : DependencyStrings.ActionChangeIteration, new AdaptiveCard
            {
                Body = inputs,
                Actions = [new ExecuteAction(DependencyStrings.ActionCommit, CommitVerb,
                    CardData.Write(new DependencyCommitData { Id = dependency.Id }, DependencyCardDataContext.Default.DependencyCommitData)) { AssociatedInputs = "auto" }],
            }));
        }

        if (mayAnswer && !dependency.IsClosed)
        {
            actions.Add(new ShowCardAction(DependencyStrings.ActionDecline, new AdaptiveCard
            {
                Body =
                [
                    new TextInput
                    {
                        Id = DependencyDeclineData.ReasonInput,
                        Label = DependencyStrings.DeclineLabel,
                        IsMultiline = true,
                        MaxLength = DependencyRules.MaxReasonLength,
                        IsRequired = true,
                        ErrorMessage = DependencyStrings.DeclineError,
                    },
                ],
                Actions = [new ExecuteAction(DependencyStrings.ActionDecline, DeclineVerb,
                    CardData.Write(new DependencyDeclineData { Id = dependency.Id }, DependencyCardDataContext.Default.DependencyDeclineData)) { AssociatedInputs = "auto" }],
            }));
            actions.Add(new ExecuteAction(DependencyStrings.ActionMarkDelivered, DeliverVerb, Data(dependency)));
        }

        if (status == DependencyStatus.AtRisk && dependency.RiskId is null)
        {
            actions.Add(new ExecuteAction(DependencyStrings.ActionRaiseRisk, RiskVerb, Data(dependency)));
        }

        actions.Add(new ExecuteAction(DependencyStrings.ActionRefresh, ShowVerb, Data(dependency)));
        return actions;
    }

    private static string Describe(PlanChange change)
    {
        var when = Localized.Format(DependencyStrings.HistoryTime,
            Localized.InZone(change.At).ToString(DependencyStrings.HistoryTimePattern, Localized.Culture), Localized.ZoneName);
        var what = change.Field switch
        {
            DependencyField.Created => change.To is { Length: > 0 } to ? Localized.Format(DependencyStrings.HistoryRequestedAs, to) : DependencyStrings.HistoryRequested,
            DependencyField.Risk => DependencyStrings.HistoryRaisedRisk,
            DependencyField.RequesterFeature or DependencyField.ProviderFeature => Localized.Format(DependencyStrings.HistoryChange,
                change.Field == DependencyField.RequesterFeature ? DependencyStrings.HistoryRequesterFeature : DependencyStrings.HistoryProviderFeature,
                change.From ?? DependencyStrings.HistoryNone, change.To ?? DependencyStrings.HistoryNone),
            _ => Localized.Format(DependencyStrings.HistoryChange, change.Field, change.From ?? DependencyStrings.HistoryNone, change.To ?? DependencyStrings.HistoryNone),
        };
        return $"{when} \u00b7 {PlainText.EscapeMarkdown(change.By.DisplayName)}: {PlainText.EscapeMarkdown(what)}";
    }

    /// <summary>"Single sign-on (Comet)".</summary>
    private static string FeatureOf(Feature feature, string teamName) =>
        Localized.Format(DependencyStrings.FactFeatureValue, PlainText.EscapeMarkdown(PlainText.Shorten(feature.Title, 120)), PlainText.EscapeMarkdown(teamName));

    private static string Iteration(IReadOnlyList<Iteration> iterations, int number, string dates, string datesIp, string numberOnly) =>
        iterations.FirstOrDefault(i => i.Number == number) is { } iteration
            ? Localized.Format(iteration.IsIp ? datesIp : dates, number, Localized.DayMonth(iteration.Start), Localized.DayMonth(iteration.End))
            : Localized.Format(numberOnly, number);
}
