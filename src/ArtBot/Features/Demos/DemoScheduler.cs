using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Features.Pulses;
using ArtBot.Features.Sync;

namespace ArtBot.Features.Demos;

/// <summary>
/// One pass over every ART for its next System Demo (not skipped), and its ended team pulses (<see cref="PulseClosing.SweepAsync"/>): from the prompt time until the demo, each team's prompt
/// card is posted in its channel; from the agenda time until a few hours after the start, the agenda card goes to the
/// ART's summary channel and the linked meeting chat. Each post is claimed in its row first (a team's part is made with
/// the claim; a claim older than <see cref="DemoRules.ClaimLease"/> without a posted card may be taken over by an ETag
/// update), so any instance may run a pass at any time and each card goes out once. A failed send drops the claim:
/// a later pass tries again. Sends go through the sync's paced <see cref="FanOutSender"/>.
/// </summary>
public sealed partial class DemoScheduler(
    IArtStore arts,
    DemoRows rows,
    DemoPrompts prompts,
    DemoAgendaReader reader,
    FanOutSender sender,
    PulseClosing pulses,
    TimeProvider time,
    ILogger<DemoScheduler> logger)
{
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await foreach (var art in arts.ListAllAsync(cancellationToken))
        {
            try
            {
                await TickArtAsync(art, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogTickFailed(exception, art.Id);
            }
        }
    }

    /// <summary>Does what is due for one ART's next demo now.</summary>
    public async Task TickArtAsync(Art art, CancellationToken cancellationToken)
    {
        if (art.CurrentPi is not { } pi)
        {
            return;
        }

        var now = time.GetUtcNow();

        // The same pass closes the team pulses of iterations that ended, so an unread pulse's salt does not linger.
        await pulses.SweepAsync(art, art.Today(now), cancellationToken);
        var stored = (await rows.Demos.ListAsync(art.TenantId, art.Id, cancellationToken)).Where(d => d.Pi == pi.Name).ToList();
        if (DemoRules.Next(art, stored, now) is not { } next)
        {
            return;
        }

        var duePrompts = now >= next.PromptAt && now < next.StartsAt;
        var dueAgenda = now >= next.AgendaAt && now < next.StartsAt + DemoRules.AgendaCatchUp;
        if (!duePrompts && !dueAgenda)
        {
            return;
        }

        using var locale = ArtLocale.ForCard(art).Use();
        var demo = await rows.EnsureAsync(art, next, DemoRows.System, cancellationToken);
        if (duePrompts)
        {
            await PostPromptsAsync(art, demo, cancellationToken);
        }

        if (dueAgenda)
        {
            await PostAgendaAsync(art, demo, cancellationToken);
        }
    }

    private async Task PostPromptsAsync(Art art, SystemDemo demo, CancellationToken cancellationToken)
    {
        // One read of the demo's team rows first: a team whose prompt is posted, answered or claimed is skipped without a
        // write, so the ticks of the prompt window (days, every 30 s, on every instance) do not each try a doomed insert
        // per team (a 409 in the dependency telemetry and an exception each).
        var known = (await rows.Answers.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(a => a.DemoId == demo.Id)
            .ToDictionary(a => a.TeamConversationId, StringComparer.Ordinal);
        foreach (var team in await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken))
        {
            if (team.UnreachableSince is not null
                || await ClaimPromptAsync(demo, team, known.GetValueOrDefault(team.ConversationId), cancellationToken) is not { } claimed)
            {
                continue;
            }

            var card = DemoPromptCard.Build(await prompts.ViewAsync(art, demo, team, claimed, cancellationToken));
            var outcome = await sender.SendAsync(team.ServiceUrl, art.TenantId, team.ConversationId, Activity.CreateMessage(attachments: card.ToAttachment()));
            if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
            {
                await rows.UpdateAsync(claimed, a => a with { PromptActivityId = activityId }, null, cancellationToken);
                LogPromptPosted(art.Id, demo.Iteration);
            }
            else
            {
                await rows.UpdateAsync(claimed, a => a.PromptActivityId is null ? a with { PromptClaimedAt = null } : null, null, cancellationToken);
                LogPromptFailed(art.Id, demo.Iteration, outcome.StatusCode);
            }
        }
    }

    /// <summary>
    /// The team's part with this instance's claim on its prompt (<paramref name="existing"/>: its row as read, if any);
    /// null when it is posted, answered or claimed by another.
    /// </summary>
    private async Task<DemoTeamAnswer?> ClaimPromptAsync(SystemDemo demo, ArtBot.Domain.Arts.ArtTeam team, DemoTeamAnswer? existing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (existing is null)
        {
            var fresh = rows.NewAnswer(demo, team) with { PromptClaimedAt = now };
            if (await rows.Answers.CreateAsync(fresh, new Domain.Planning.PlanChange(now, DemoRows.System, Domain.Planning.PlanChange.CreatedField, null, null), cancellationToken))
            {
                return await rows.Answers.GetAsync(demo.TenantId, demo.ArtId, fresh.Id, cancellationToken);
            }

            existing = await rows.Answers.GetAsync(demo.TenantId, demo.ArtId, fresh.Id, cancellationToken); // another instance created it since
        }

        if (existing is null
            || existing.PromptActivityId is not null
            || existing.HasAnswered
            || (existing.PromptClaimedAt is { } claimedAt && now - claimedAt < DemoRules.ClaimLease))
        {
            return null;
        }

        // One ETag-guarded update: of two instances taking it over, one wins.
        return await rows.Answers.UpdateAsync(existing with { PromptClaimedAt = now }, [], cancellationToken);
    }

    private async Task PostAgendaAsync(Art art, SystemDemo demo, CancellationToken cancellationToken)
    {
        var current = demo;
        if (current.AgendaActivityId is null && await ClaimAsync(current, d => d.AgendaActivityId is null, d => d.AgendaClaimedAt, d => d with { AgendaClaimedAt = time.GetUtcNow() }, cancellationToken) is { } claimed)
        {
            current = claimed;
            var card = SharedDemoAgendaUpdater.Shared(await reader.ReadAsync(art, claimed, cancellationToken));
            var channel = art.SummaryConversationId;
            var outcome = await sender.SendAsync(art.ServiceUrl, art.TenantId, channel, Activity.CreateMessage(attachments: card.ToAttachment()));
            current = await Record(claimed, outcome,
                (d, id) => d with { AgendaActivityId = id, AgendaConversationId = channel },
                d => d.AgendaActivityId is null ? d with { AgendaClaimedAt = null } : null, cancellationToken) ?? current;
        }

        if (current.MeetingConversationId is { } chat && current.MeetingAgendaActivityId is null
            && await ClaimAsync(current, d => d.MeetingAgendaActivityId is null && d.MeetingConversationId == chat, d => d.MeetingAgendaClaimedAt, d => d with { MeetingAgendaClaimedAt = time.GetUtcNow() }, cancellationToken) is { } meeting)
        {
            var card = SharedDemoAgendaUpdater.Shared(await reader.ReadAsync(art, meeting, cancellationToken));
            var outcome = await sender.SendAsync(meeting.MeetingServiceUrl ?? art.ServiceUrl, art.TenantId, chat, Activity.CreateMessage(attachments: card.ToAttachment()));
            await Record(meeting, outcome,
                (d, id) => d.MeetingConversationId == chat ? d with { MeetingAgendaActivityId = id } : null,
                d => d.MeetingAgendaActivityId is null ? d with { MeetingAgendaClaimedAt = null } : null, cancellationToken);
        }
    }

    private async Task<SystemDemo?> ClaimAsync(
        SystemDemo demo, Func<SystemDemo, bool> open, Func<SystemDemo, DateTimeOffset?> claimedAt, Func<SystemDemo, SystemDemo> claim, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fresh = await rows.Demos.GetAsync(demo.TenantId, demo.ArtId, demo.Id, cancellationToken);
        if (fresh is null || !open(fresh) || (claimedAt(fresh) is { } at && now - at < DemoRules.ClaimLease))
        {
            return null;
        }

        return await rows.Demos.UpdateAsync(claim(fresh), [], cancellationToken);
    }

    private async Task<SystemDemo?> Record(
        SystemDemo claimed, ConnectorOutcome outcome, Func<SystemDemo, string, SystemDemo?> posted, Func<SystemDemo, SystemDemo?> release, CancellationToken cancellationToken)
    {
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            LogAgendaPosted(claimed.ArtId, claimed.Iteration);
            return await rows.UpdateAsync(claimed, d => posted(d, activityId), null, cancellationToken);
        }

        LogAgendaFailed(claimed.ArtId, claimed.Iteration, outcome.StatusCode);
        return await rows.UpdateAsync(claimed, release, null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo pass failed for ART {ArtId}")]
    private partial void LogTickFailed(Exception exception, string artId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo prompt posted in ART {ArtId} for iteration {Iteration}")]
    private partial void LogPromptPosted(string artId, int iteration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo prompt not posted in ART {ArtId} for iteration {Iteration} ({Status}); tried again next pass")]
    private partial void LogPromptFailed(string artId, int iteration, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo agenda posted in ART {ArtId} for iteration {Iteration}")]
    private partial void LogAgendaPosted(string artId, int iteration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo agenda not posted in ART {ArtId} for iteration {Iteration} ({Status}); tried again next pass")]
    private partial void LogAgendaFailed(string artId, int iteration, int status);
}
