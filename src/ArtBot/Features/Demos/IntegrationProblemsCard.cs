using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// <c>integration problems</c>: the open integration problems of the ART (in its channel) or of one team (in the team's
/// channel), oldest first, each with where it was found, its repair state and its repair form.
/// </summary>
public static class IntegrationProblemsCard
{
    public static AdaptiveCard Build(Art art, string? teamName, IReadOnlyList<IntegrationProblem> problems, IReadOnlyList<int> iterations, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(art);
        ArgumentNullException.ThrowIfNull(problems);
        return CardBudget.Fit(level => Build(art, teamName, problems, iterations, notice, level));
    }

    private static AdaptiveCard Build(Art art, string? teamName, IReadOnlyList<IntegrationProblem> problems, IReadOnlyList<int> iterations, string? notice, CardBudget.Level level)
    {
        var title = Localized.Format(DemoFollowUpStrings.ListTitle, PlainText.EscapeMarkdown(teamName ?? art.Name));
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(problems.Count == 0 ? DemoFollowUpStrings.ListNone : Localized.Format(DemoFollowUpStrings.ListCount, problems.Count(p => p.IsOpen), problems.Count(p => !p.HasRepairPlan && p.IsOpen)))
            { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good"));
        }

        var listed = Math.Max(1, level.Forms * 3);
        foreach (var (problem, index) in problems.Take(listed).Select((p, i) => (p, i)))
        {
            body.Add(RepairForm.Of(problem, art.CurrentPi?.Name, iterations, withForm: index < level.Forms, level.Text, Where(problem, level.Text)));
        }

        if (problems.Count > listed)
        {
            body.Add(new TextBlock(Localized.Format(DemoFollowUpStrings.ListMore, problems.Count - listed)) { IsSubtle = true, Separator = true });
        }
        else if (problems.Take(listed).Count(p => p.IsOpen) > level.Forms)
        {
            body.Add(new TextBlock(DemoFollowUpStrings.ListMoreForms) { IsSubtle = true, Size = "Small", Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = title };
    }

    /// <summary>"Rocket · PI 2027.1, iteration 2 · Checkout": where a problem was found.</summary>
    public static string Where(IntegrationProblem problem, int max = 80)
    {
        var where = Localized.Format(DemoFollowUpStrings.ListWhere, PlainText.EscapeMarkdown(problem.Pi), problem.Iteration);
        var parts = new List<string>();
        if (problem.TeamName is { Length: > 0 } team)
        {
            parts.Add(PlainText.EscapeMarkdown(team));
        }

        parts.Add(where);
        if (problem.ItemTitle is { Length: > 0 } item)
        {
            parts.Add(PlainText.EscapeMarkdown(PlainText.Shorten(item, max)));
        }

        return string.Join(" · ", parts);
    }
}
