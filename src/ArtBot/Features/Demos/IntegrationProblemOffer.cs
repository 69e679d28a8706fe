using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Improvements;

namespace ArtBot.Features.Demos;

/// <summary>
/// At <c>inspect start</c> in an ART: the open integration problems not yet offered to a workshop become problems of
/// the new workshop (oldest first, up to <see cref="DotRules.MaxProblems"/>), in the ART's language, so they are voted on
/// like any other; each is marked offered (with its history entry). The workshop problem's id comes from the workshop
/// and the integration problem, so a repeated offer adds nothing twice.
/// </summary>
public sealed partial class IntegrationProblemOffer(IPlanStore<IntegrationProblem> problems, IWorkshopStore workshops, TimeProvider time, ILogger<IntegrationProblemOffer> logger)
{
    public const string OfferedField = "offeredToWorkshop";

    private const int Attempts = 5;

    /// <summary>Adds the open problems to <paramref name="workshop"/> (a new one, of <paramref name="art"/>); returns the workshop problems added.</summary>
    public async Task<IReadOnlyList<WorkshopProblem>> OfferAsync(Workshop workshop, Art? art, Person by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        if (art is null)
        {
            return [];
        }

        var open = (await problems.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(p => p.IsOpen && p.OfferedToWorkshopId is null)
            .OrderBy(p => p.CreatedAt)
            .Take(DotRules.MaxProblems)
            .ToList();
        var added = new List<WorkshopProblem>();
        var now = time.GetUtcNow();
        foreach (var problem in open)
        {
            string text;
            using (ArtLocale.ForCard(art).Use())
            {
                var raw = problem.TeamName is { Length: > 0 } team
                    ? Localized.Format(DemoFollowUpStrings.OfferText, problem.Pi, problem.Iteration, team, problem.WhatFailed)
                    : Localized.Format(DemoFollowUpStrings.OfferTextNoTeam, problem.Pi, problem.Iteration, problem.WhatFailed);
                if (ImprovementRules.CheckProblem(PlainText.Shorten(PlainText.OneLine(raw), ImprovementRules.MaxProblemLength)).Text is not { } checkedText)
                {
                    continue;
                }

                text = checkedText;
            }

            var offered = new WorkshopProblem(ImprovementIds.Problem(workshop.Id, "integration-problem:" + problem.Id), text, problem.RaisedBy.Name, now.AddTicks(added.Count));
            await workshops.AddProblemAsync(workshop, offered, cancellationToken);
            added.Add(offered);
            await MarkOfferedAsync(problem, workshop.Id, by, now, cancellationToken);
        }

        if (added.Count > 0)
        {
            LogOffered(workshop.Id, added.Count);
        }

        return added;
    }

    private async Task MarkOfferedAsync(IntegrationProblem problem, string workshopId, Person by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (problem.OfferedToWorkshopId is not null)
            {
                return;
            }

            if (await problems.UpdateAsync(problem with { OfferedToWorkshopId = workshopId, UpdatedAt = now }, [new PlanChange(now, by, OfferedField, null, workshopId)], cancellationToken) is not null)
            {
                return;
            }

            if (await problems.GetAsync(problem.TenantId, problem.ArtId, problem.Id, cancellationToken) is not { } again)
            {
                return;
            }

            problem = again;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: {Count} integration problems offered")]
    private partial void LogOffered(string workshopId, int count);
}
