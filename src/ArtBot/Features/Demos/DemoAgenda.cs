using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Demos;

/// <summary>A System Demo with what its agenda shows: when, the ART's teams, their answers, the feedback and the integration problems.</summary>
public sealed record DemoAgenda(
    Art Art,
    SystemDemo Demo,
    DemoOccurrence When,
    IReadOnlyList<ArtTeam> Teams,
    IReadOnlyList<DemoTeamAnswer> Answers,
    IReadOnlyList<DemoFeedback> Feedback,
    IReadOnlyList<IntegrationProblem> Problems)
{
    /// <summary>Every item shown, with the team showing it, in team order.</summary>
    public IEnumerable<(DemoTeamAnswer Answer, DemoItem Item)> Items => Answers.SelectMany(a => a.Items.Select(i => (a, i)));

    /// <summary>The latest feedback givers first, each once: the ids a shared card refreshes for.</summary>
    public IReadOnlyList<string> LatestGivers(int max) =>
        [.. Feedback.OrderByDescending(f => f.UpdatedAt).Select(f => f.By.Id).Distinct(StringComparer.Ordinal).Take(max)];
}

/// <summary>Reads a demo's agenda from the stores (the demo, its team answers, feedback and problems, the ART's teams).</summary>
public sealed class DemoAgendaReader(
    IArtStore arts, IPlanStore<SystemDemo> demos, IPlanStore<DemoTeamAnswer> answers, IPlanStore<DemoFeedback> feedback, IPlanStore<IntegrationProblem> problems)
{
    public async Task<DemoAgenda?> ReadAsync(string tenantId, string artId, string demoId, CancellationToken cancellationToken)
    {
        if (await arts.GetAsync(tenantId, artId, cancellationToken) is not { } art
            || await demos.GetAsync(tenantId, artId, demoId, cancellationToken) is not { } demo)
        {
            return null;
        }

        return await ReadAsync(art, demo, cancellationToken);
    }

    public async Task<DemoAgenda> ReadAsync(Art art, SystemDemo demo, CancellationToken cancellationToken)
    {
        var teams = (await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken)).OrderBy(t => t.TeamName, StringComparer.CurrentCultureIgnoreCase).ToList();
        var order = teams.Select((t, n) => (t.ConversationId, n)).ToDictionary(p => p.ConversationId, p => p.n, StringComparer.Ordinal);
        var demoAnswers = (await answers.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(a => a.DemoId == demo.Id && a.HasAnswered)
            .OrderBy(a => order.GetValueOrDefault(a.TeamConversationId, int.MaxValue))
            .ToList();
        var demoFeedback = (await feedback.ListAsync(art.TenantId, art.Id, cancellationToken)).Where(f => f.DemoId == demo.Id).ToList();
        var demoProblems = (await problems.ListAsync(art.TenantId, art.Id, cancellationToken)).Where(p => p.DemoId == demo.Id).ToList();
        return new DemoAgenda(art, demo, When(art, demo), teams, demoAnswers, demoFeedback, demoProblems);
    }

    /// <summary>When the demo is: from the ART's cadence when it is of the current PI, else as stored.</summary>
    public static DemoOccurrence When(Art art, SystemDemo demo)
    {
        if (art.CurrentPi is { } pi && pi.Name == demo.Pi && art.Cadence.Of(pi).FirstOrDefault(i => i.Number == demo.Iteration) is { } iteration)
        {
            return DemoRules.Occurrence(art, pi, iteration, demo);
        }

        var startsAt = DemoRules.ToUtc(demo.Date, demo.Time, art.Sync.TimeZoneId);
        return new DemoOccurrence(demo.Pi, demo.Iteration, demo.Date, demo.Time, demo.Skipped, startsAt, startsAt - art.Demo.PromptLead, startsAt - art.Demo.AgendaLead);
    }
}
