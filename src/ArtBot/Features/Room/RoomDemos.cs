using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Features.Demos;

namespace ArtBot.Features.Room;

/// <summary>
/// The room's System Demo view from an ART's <see cref="DemoHistory"/>: the asked PI's demos (the current PI's unless
/// asked, else the latest with demos), each with the items the teams showed, everyone's feedback on them and the
/// integration problems. In a team's channel, that team's part only (a problem on the demo as a whole is the ART's).
/// Kinds, verdicts and statuses are stable words the page translates. Feedback on an item its team took off the agenda
/// later is not shown (the agenda card does not show it either). A PI asked for that is neither the current one nor one
/// with demos: null (the endpoint answers 404).
/// </summary>
public static class RoomDemos
{
    public static DemosView? Of(Art art, DemoHistory history, string? pi, string? team)
    {
        ArgumentNullException.ThrowIfNull(art);
        ArgumentNullException.ThrowIfNull(history);
        var pis = history.Demos.GroupBy(d => d.Pi, StringComparer.Ordinal).OrderBy(g => g.Min(d => d.Date)).Select(g => g.Key).ToList();
        if (pi is { Length: > 0 } && pi != art.CurrentPi?.Name && !pis.Contains(pi, StringComparer.Ordinal))
        {
            return null;
        }

        var shown = pi is { Length: > 0 } ? pi : art.CurrentPi?.Name ?? pis.LastOrDefault();
        var ofTeam = (string? conversationId) => team is null || string.Equals(conversationId, team, StringComparison.Ordinal);
        var demos = history.Demos.Where(d => d.Pi == shown).OrderBy(d => d.Iteration).Select(demo =>
        {
            var answers = history.Answers.Where(a => a.DemoId == demo.Id && a.HasAnswered && ofTeam(a.TeamConversationId))
                .OrderBy(a => a.TeamName, StringComparer.CurrentCultureIgnoreCase).ToList();
            var feedback = history.Feedback.Where(f => f.DemoId == demo.Id).ToLookup(f => (f.TeamConversationId, f.ItemId));
            return new RoomDemo(
                demo.Iteration,
                demo.Date,
                demo.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
                demo.Skipped,
                [.. answers.SelectMany(a => a.Items.Select(item => Item(art, a, item, [.. feedback[(a.TeamConversationId, item.Id)]])))],
                [.. answers.Where(a => a.NothingToShow).Select(a => a.TeamName)],
                [.. history.Problems.Where(p => p.DemoId == demo.Id && ofTeam(p.TeamConversationId))
                    .OrderBy(p => p.TeamName is null).ThenBy(p => p.TeamName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.CreatedAt).Select(p => Problem(art, p))]);
        }).ToList();
        return new DemosView(true, shown, pis, demos);
    }

    private static RoomDemoItem Item(Art art, DemoTeamAnswer answer, DemoItem item, IReadOnlyList<DemoFeedback> feedback) => new(
        answer.TeamName,
        Word(item.Kind.ToString()),
        item.Title,
        item.Presenter,
        feedback.Count(f => f.Verdict == DemoVerdict.Accepted),
        feedback.Count(f => f.Verdict == DemoVerdict.NeedsWork),
        feedback.Count(f => f.Verdict == DemoVerdict.NotShown),
        [.. feedback.OrderBy(f => f.UpdatedAt).ThenBy(f => f.By.Name, StringComparer.CurrentCultureIgnoreCase).Select(f => new RoomDemoFeedback(f.By.Name ?? "", Word(f.Verdict.ToString()), f.Comment, art.Today(f.UpdatedAt)))]);

    private static RoomIntegrationProblem Problem(Art art, IntegrationProblem problem) => new(
        problem.TeamName,
        problem.ItemTitle,
        problem.WhatFailed,
        problem.RepairedAt is not null ? "repaired" : problem.HasRepairPlan ? "planned" : "open",
        problem.RootCause,
        problem.RepairOwner?.Name,
        problem.RepairDueIteration,
        problem.RepairDueIteration is null ? null : problem.RepairPi ?? problem.Pi,
        art.Today(problem.CreatedAt),
        problem.RepairedAt is { } repaired ? art.Today(repaired) : null);

    /// <summary>An enum member as the API's word: <c>NeedsWork</c> → <c>needsWork</c>.</summary>
    private static string Word(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
