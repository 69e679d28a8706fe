using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// The team's feedback card in its channel: each item the team showed with every feedback on it (who, verdict,
/// comment), "needs work" with its follow-ups (<see cref="DemoVerbs.Improve"/>, <see cref="DemoVerbs.ChangeFeature"/>
/// for a feature), and the integration problems found on the team's items with their repair forms. Large demos list
/// fewer lines per item and shorter texts (<see cref="CardBudget"/>), "needs work" first.
/// </summary>
public static class DemoTeamFeedbackCard
{
    public static AdaptiveCard Build(DemoTeamFeedback view, string? notice = null, string? noticeColor = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        return CardBudget.Fit(level => Build(view, notice, noticeColor, level));
    }

    private static AdaptiveCard Build(DemoTeamFeedback view, string? notice, string? noticeColor, CardBudget.Level level)
    {
        var answer = view.Answer;
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(DemoFollowUpStrings.CardHeader, PlainText.EscapeMarkdown(answer.Pi), answer.Iteration)) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(Localized.Format(DemoFollowUpStrings.CardTitle, PlainText.EscapeMarkdown(answer.TeamName))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(DemoFollowUpStrings.CardIntro) { IsSubtle = true },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good"));
        }

        var forms = level.Forms;
        var shownProblems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in answer.Items)
        {
            var feedback = view.Feedback.Where(f => f.ItemId == item.Id).ToList();
            var problems = view.Problems.Where(p => p.ItemId == item.Id).ToList();
            var items = new List<CardElement>
            {
                new TextBlock(ItemTitle(item, level.Text)) { Weight = "Bolder", Wrap = true },
                new TextBlock(feedback.Count == 0 ? DemoFollowUpStrings.CardNoFeedback : Localized.Format(DemoFollowUpStrings.CardCounts,
                    feedback.Count(f => f.Verdict == DemoVerdict.Accepted), feedback.Count(f => f.Verdict == DemoVerdict.NeedsWork), feedback.Count(f => f.Verdict == DemoVerdict.NotShown)))
                { IsSubtle = true, Spacing = "None" },
            };
            var ordered = feedback
                .OrderBy(f => f.Verdict == DemoVerdict.NeedsWork ? 0 : f.Comment is { Length: > 0 } ? 1 : 2)
                .ThenBy(f => f.CreatedAt)
                .ToList();
            foreach (var one in ordered.Take(level.Lines))
            {
                items.AddRange(FeedbackLines(item, one, level.Text));
            }

            if (ordered.Count > level.Lines)
            {
                items.Add(new TextBlock(Localized.Format(DemoFollowUpStrings.CardMoreFeedback, ordered.Count - level.Lines)) { IsSubtle = true, Size = "Small" });
            }

            body.Add(new Container(items) { Separator = true, Spacing = "Medium" });
            foreach (var problem in problems)
            {
                shownProblems.Add(problem.Id);
                body.Add(RepairForm.Of(problem, view.RepairPi, view.Iterations, withForm: forms-- > 0, level.Text));
            }
        }

        foreach (var problem in view.Problems.Where(p => !shownProblems.Contains(p.Id)))
        {
            body.Add(RepairForm.Of(problem, view.RepairPi, view.Iterations, withForm: forms-- > 0, level.Text,
                problem.ItemTitle is { Length: > 0 } title ? PlainText.EscapeMarkdown(PlainText.Shorten(title, level.Text)) : null));
        }

        if (forms < 0 && view.Problems.Any(p => p.IsOpen))
        {
            body.Add(new TextBlock(DemoFollowUpStrings.CardMoreForms) { IsSubtle = true, Size = "Small", Separator = true });
        }

        if (answer.Items.Count == 0)
        {
            body.Add(new TextBlock(DemoFollowUpStrings.CardNoItems) { IsSubtle = true, Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(DemoFollowUpStrings.CardTitle, answer.TeamName) };
    }

    private static string ItemTitle(DemoItem item, int max)
    {
        var title = PlainText.EscapeMarkdown(PlainText.Shorten(item.Title, Math.Max(max, 80)));
        return item.Presenter is { Length: > 0 } presenter
            ? Localized.Format(DemoFollowUpStrings.CardItemPresenter, title, PlainText.EscapeMarkdown(PlainText.Shorten(presenter, 60)))
            : title;
    }

    private static IEnumerable<CardElement> FeedbackLines(DemoItem item, DemoFeedback feedback, int max)
    {
        var who = PlainText.EscapeMarkdown(feedback.By.DisplayName);
        var verdict = Verdict(feedback.Verdict);
        yield return new TextBlock(feedback.Comment is { Length: > 0 } comment
            ? Localized.Format(DemoFollowUpStrings.CardFeedbackComment, who, verdict, PlainText.EscapeMarkdown(PlainText.Shorten(comment, max)))
            : Localized.Format(DemoFollowUpStrings.CardFeedback, who, verdict))
        { Spacing = "Small" };
        if (feedback.Verdict != DemoVerdict.NeedsWork)
        {
            yield break;
        }

        var done = new List<string>();
        var actions = new List<CardAction>();
        var data = CardData.Write(new DemoFollowUpData { FeedbackId = feedback.Id }, DemoCardDataContext.Default.DemoFollowUpData);
        if (feedback.ImprovementItemId is not null)
        {
            done.Add(DemoFollowUpStrings.CardImprovementMade);
        }
        else
        {
            actions.Add(new ExecuteAction(DemoFollowUpStrings.ActionImprove, DemoVerbs.Improve, data) { AssociatedInputs = "none" });
        }

        if (item.Kind == DemoItemKind.Feature && item.RefId is not null)
        {
            if (feedback.ChangedFeatureId is not null)
            {
                done.Add(DemoFollowUpStrings.CardFeatureChanged);
            }
            else
            {
                actions.Add(new ExecuteAction(DemoFollowUpStrings.ActionChangeFeature, DemoVerbs.ChangeFeature, data) { AssociatedInputs = "none" });
            }
        }

        if (done.Count > 0)
        {
            yield return new TextBlock(string.Join(" · ", done)) { IsSubtle = true, Size = "Small", Spacing = "None" };
        }

        if (actions.Count > 0)
        {
            yield return new ActionSet(actions) { Spacing = "None" };
        }
    }

    public static string Verdict(DemoVerdict verdict) => verdict switch
    {
        DemoVerdict.Accepted => DemoFollowUpStrings.VerdictAccepted,
        DemoVerdict.NeedsWork => DemoFollowUpStrings.VerdictNeedsWork,
        _ => DemoFollowUpStrings.VerdictNotShown,
    };
}
