using System.Globalization;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// <c>demo</c>: in the ART's channel the next System Demo's agenda (posted again; the copy posted last is kept up to
/// date); in a team's channel the team's prompt; for RTEs <c>demo move</c>, <c>skip</c>, <c>unskip</c>, <c>settings</c>,
/// and <c>demo meeting</c> in a Teams meeting chat, which links the chat so the agenda goes there too. The ART of a
/// meeting chat is the one named (<c>demo meeting &lt;ART name&gt;</c>), else the only ART the person is RTE of.
/// Every change to a demo goes to its history and the agenda follows in place.
/// </summary>
public sealed partial class DemoCommands(
    ArtContext arts, DemoRows rows, DemoPrompts prompts, DemoAgendaReader reader, DemoChanges changes, DemoSchedulerService scheduler, ILogger<DemoCommands> logger)
    : IBotFeature
{
    public const string Name = "demo";

    public void Register(FeatureTable table) =>
        table.Command(Name, () => DemoStrings.CommandUsage, () => DemoStrings.CommandDescription, DemoAsync);

    private async Task DemoAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        var command = DemoRules.Parse(arguments);
        if (command.Kind == DemoCommandKind.Invalid)
        {
            await art.SendAsync(DemoStrings.Usage, cancellationToken);
            return;
        }

        if (command.Kind == DemoCommandKind.Meeting)
        {
            await MeetingAsync(art, command, cancellationToken);
            return;
        }

        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            await art.SendAsync(DemoStrings.ErrorNotInArt, cancellationToken);
            return;
        }

        if (place.Art.CurrentPi is not { } pi)
        {
            await art.SendAsync(Localized.Format(DemoStrings.ErrorNoPi, PlainText.EscapeMarkdown(place.Art.Name)), cancellationToken);
            return;
        }

        if (command.Kind != DemoCommandKind.Show && !place.IsRte)
        {
            await art.SendAsync(ArtTurn.OnlyRtes(place.Art, DemoStrings.ErrorOnlyRtes), cancellationToken);
            return;
        }

        using var locale = place.Team is null ? ArtLocale.ForCard(place.Art).Use() : null;
        var stored = await StoredAsync(place.Art, pi, cancellationToken);
        switch (command.Kind)
        {
            case DemoCommandKind.Show when place.Team is { } team:
                await PromptAsync(place, team, stored, cancellationToken);
                break;
            case DemoCommandKind.Show:
                await AgendaAsync(place, stored, cancellationToken);
                break;
            case DemoCommandKind.Settings:
                await SettingsAsync(place, command, cancellationToken);
                break;
            default:
                await ChangeAsync(place, pi, stored, command, cancellationToken);
                break;
        }
    }

    private async Task<IReadOnlyList<SystemDemo>> StoredAsync(Art art, ProgramIncrement pi, CancellationToken cancellationToken) =>
        [.. (await rows.Demos.ListAsync(art.TenantId, art.Id, cancellationToken)).Where(d => d.Pi == pi.Name)];

    private async Task PromptAsync(ArtPlace place, ArtTeam team, IReadOnlyList<SystemDemo> stored, CancellationToken cancellationToken)
    {
        var turn = place.Turn;
        if (DemoRules.Next(place.Art, stored, turn.Now) is not { } next)
        {
            await turn.SendAsync(Localized.Format(DemoStrings.ErrorNoDemoLeft, PlainText.EscapeMarkdown(place.Art.CurrentPi!.Name)), cancellationToken);
            return;
        }

        var demo = await rows.EnsureAsync(place.Art, next, turn.Actor, cancellationToken);
        var answer = await rows.Answers.GetAsync(demo.TenantId, demo.ArtId, DemoIds.TeamAnswer(demo.TenantId, demo.ArtId, demo.Id, team.ConversationId), cancellationToken);
        var outcome = await turn.SendAsync(DemoPromptCard.Build(await prompts.ViewAsync(place.Art, demo, team, answer, cancellationToken)), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId && answer?.PromptActivityId is null)
        {
            // Posted here: the scheduler does not post it again.
            var part = answer ?? await rows.EnsureAnswerAsync(demo, team, turn.Actor, cancellationToken);
            await rows.UpdateAsync(part, a => a.PromptActivityId is null ? a with { PromptActivityId = activityId } : null, null, cancellationToken);
        }
    }

    private async Task AgendaAsync(ArtPlace place, IReadOnlyList<SystemDemo> stored, CancellationToken cancellationToken)
    {
        var turn = place.Turn;
        if (DemoRules.Next(place.Art, stored, turn.Now) is not { } next)
        {
            await turn.SendAsync(Localized.Format(DemoStrings.ErrorNoDemoLeft, PlainText.EscapeMarkdown(place.Art.CurrentPi!.Name)), cancellationToken);
            return;
        }

        var demo = await rows.EnsureAsync(place.Art, next, turn.Actor, cancellationToken);
        var agenda = await reader.ReadAsync(place.Art, demo, cancellationToken);
        var notice = Localized.Format(DemoStrings.NoticeAnswered, agenda.Answers.Count, agenda.Teams.Count);
        var outcome = await turn.SendAsync(SharedDemoAgendaUpdater.Shared(agenda, notice), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            // The copy posted last is the one kept up to date.
            await rows.UpdateAsync(demo, d => d with { AgendaActivityId = activityId, AgendaConversationId = turn.ConversationId }, null, cancellationToken);
        }
    }

    private async Task ChangeAsync(ArtPlace place, ProgramIncrement pi, IReadOnlyList<SystemDemo> stored, DemoCommand command, CancellationToken cancellationToken)
    {
        var turn = place.Turn;
        if (DemoRules.Named(place.Art, stored, turn.Now, command.Iteration) is not { } occurrence)
        {
            await turn.SendAsync(command.Iteration is { } number
                ? Localized.Format(DemoStrings.ErrorNoIteration, number, PlainText.EscapeMarkdown(pi.Name))
                : Localized.Format(DemoStrings.ErrorNoDemoLeft, PlainText.EscapeMarkdown(pi.Name)), cancellationToken);
            return;
        }

        if (command.Kind == DemoCommandKind.Move && !pi.Contains(command.Date!.Value))
        {
            await turn.SendAsync(Localized.Format(DemoStrings.ErrorMoveOutside, PlainText.EscapeMarkdown(pi.Name), Localized.Date(pi.Start), Localized.Date(pi.End)), cancellationToken);
            return;
        }

        var demo = await rows.EnsureAsync(place.Art, occurrence, turn.Actor, cancellationToken);
        var now = turn.Now;
        var actor = turn.Actor;
        var saved = command.Kind switch
        {
            DemoCommandKind.Move => await rows.UpdateAsync(demo,
                d => d with { Date = command.Date!.Value, Time = command.Time ?? occurrence.Time, Moved = true, UpdatedAt = now },
                (before, after) =>
                [
                    new PlanChange(now, actor, "date", Day(DemoAgendaReader.When(place.Art, before).Date), Day(after.Date)),
                    new PlanChange(now, actor, "time", Clock(DemoAgendaReader.When(place.Art, before).Time), Clock(after.Time)),
                ], cancellationToken),
            _ => await rows.UpdateAsync(demo,
                d => d with { Skipped = command.Kind == DemoCommandKind.Skip, UpdatedAt = now },
                (before, after) => [new PlanChange(now, actor, "skipped", Flag(DemoAgendaReader.When(place.Art, before).Skipped), Flag(after.Skipped))], cancellationToken),
        };
        if (saved is null)
        {
            await turn.SendAsync(DemoStrings.ErrorBusy, cancellationToken);
            return;
        }

        changes.Raise(new DemoChange(saved.TenantId, saved.ArtId, saved.Id, DemoChangeKind.Demo));
        scheduler.Nudge();
        LogChanged(saved.ArtId, saved.Iteration, command.Kind);
        var when = DemoAgendaReader.When(place.Art, saved);
        var zone = TimeZones.Find(place.Art.Sync.TimeZoneId) ?? TimeZoneInfo.Utc;
        await turn.SendAsync(command.Kind switch
        {
            DemoCommandKind.Move => Localized.Format(DemoStrings.DoneMoved, saved.Iteration, Localized.WeekdayDate(when.Date), Localized.Time(when.Time, zone)),
            DemoCommandKind.Skip => Localized.Format(DemoStrings.DoneSkipped, saved.Iteration),
            _ => Localized.Format(DemoStrings.DoneUnskipped, saved.Iteration, Localized.WeekdayDate(when.Date), Localized.Time(when.Time, zone)),
        }, cancellationToken);
    }

    private async Task SettingsAsync(ArtPlace place, DemoCommand command, CancellationToken cancellationToken)
    {
        var turn = place.Turn;
        var before = place.Art.Demo;
        var schedule = new DemoSchedule(command.Time!.Value)
        {
            PromptLead = command.PromptDays is { } days ? TimeSpan.FromDays(days) : before.PromptLead,
            AgendaLead = command.AgendaHours is { } hours ? TimeSpan.FromHours(hours) : before.AgendaLead,
        };
        if (await ArtUpdate.ApplyAsync(turn, place.Art.Id, a => a with { Demo = schedule }, cancellationToken) is not { } saved)
        {
            await turn.SendAsync(DemoStrings.ErrorNotInArt, cancellationToken);
            return;
        }

        // The next demo's history says its schedule changed (its day and time follow unless an RTE moved it).
        var stored = await StoredAsync(saved, saved.CurrentPi!, cancellationToken);
        if (DemoRules.Next(saved, stored, turn.Now) is { } next)
        {
            var demo = await rows.EnsureAsync(saved, next, turn.Actor, cancellationToken);
            var now = turn.Now;
            var updated = await rows.UpdateAsync(demo, d => d with { Date = next.Date, Time = next.Time, UpdatedAt = now },
                (_, _) => [new PlanChange(now, turn.Actor, "settings", Settings(before), Settings(schedule))], cancellationToken);
            if (updated is not null)
            {
                changes.Raise(new DemoChange(updated.TenantId, updated.ArtId, updated.Id, DemoChangeKind.Demo));
            }
        }

        scheduler.Nudge();
        LogChanged(saved.Id, 0, DemoCommandKind.Settings);
        var zone = TimeZones.Find(saved.Sync.TimeZoneId) ?? TimeZoneInfo.Utc;
        await turn.SendAsync(Localized.Format(DemoStrings.DoneSettings, Localized.Time(schedule.Time, zone), (int)schedule.PromptLead.TotalDays, (int)schedule.AgendaLead.TotalHours), cancellationToken);
    }

    private async Task MeetingAsync(ArtTurn turn, DemoCommand command, CancellationToken cancellationToken)
    {
        if (turn.IsChannel)
        {
            await turn.SendAsync(DemoStrings.ErrorMeetingNotChat, cancellationToken);
            return;
        }

        var all = await turn.Store.ListAsync(turn.TenantId, cancellationToken);
        List<Art> candidates = command.ArtName is { } name
            ? [.. all.Where(a => string.Equals(a.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))]
            : [.. all.Where(turn.IsRte)];
        if (candidates.Count == 0)
        {
            await turn.SendAsync(command.ArtName is null ? DemoStrings.ErrorMeetingNoArt : Localized.Format(DemoStrings.ErrorMeetingUnknownArt, PlainText.EscapeMarkdown(command.ArtName)), cancellationToken);
            return;
        }

        if (candidates.Count > 1)
        {
            await turn.SendAsync(Localized.Format(DemoStrings.ErrorMeetingWhichArt, Localized.List([.. candidates.Select(a => PlainText.EscapeMarkdown(a.Name))])), cancellationToken);
            return;
        }

        var art = candidates[0];
        if (!turn.IsRte(art))
        {
            await turn.SendAsync(ArtTurn.OnlyRtes(art, DemoStrings.ErrorOnlyRtes), cancellationToken);
            return;
        }

        if (art.CurrentPi is not { } pi)
        {
            await turn.SendAsync(Localized.Format(DemoStrings.ErrorNoPi, PlainText.EscapeMarkdown(art.Name)), cancellationToken);
            return;
        }

        using var locale = ArtLocale.ForCard(art).Use();
        var stored = await StoredAsync(art, pi, cancellationToken);
        if (DemoRules.Named(art, stored, turn.Now, command.Iteration) is not { } occurrence)
        {
            await turn.SendAsync(command.Iteration is { } number
                ? Localized.Format(DemoStrings.ErrorNoIteration, number, PlainText.EscapeMarkdown(pi.Name))
                : Localized.Format(DemoStrings.ErrorNoDemoLeft, PlainText.EscapeMarkdown(pi.Name)), cancellationToken);
            return;
        }

        var demo = await rows.EnsureAsync(art, occurrence, turn.Actor, cancellationToken);
        var now = turn.Now;
        var chat = turn.ConversationId;
        var saved = await rows.UpdateAsync(demo,
            d => d.MeetingConversationId == chat ? d : d with
            {
                MeetingConversationId = chat,
                MeetingServiceUrl = turn.Activity.ServiceUrl,
                MeetingAgendaActivityId = null,
                MeetingAgendaClaimedAt = null,
                UpdatedAt = now,
            },
            (before, after) => before.MeetingConversationId == after.MeetingConversationId ? [] : [new PlanChange(now, turn.Actor, "meeting", before.MeetingConversationId, after.MeetingConversationId)],
            cancellationToken);
        if (saved is null)
        {
            await turn.SendAsync(DemoStrings.ErrorBusy, cancellationToken);
            return;
        }

        LogChanged(saved.ArtId, saved.Iteration, DemoCommandKind.Meeting);
        if (now < occurrence.AgendaAt)
        {
            await turn.SendAsync(Localized.Format(DemoStrings.DoneMeetingLater, saved.Iteration, PlainText.EscapeMarkdown(art.Name), Localized.WeekdayDateTime(occurrence.AgendaAt)), cancellationToken);
            return;
        }

        // The agenda is due already: it comes here now, and this copy is kept up to date.
        var agenda = await reader.ReadAsync(art, saved, cancellationToken);
        var outcome = await turn.SendAsync(SharedDemoAgendaUpdater.Shared(agenda, Localized.Format(DemoStrings.DoneMeetingNow, PlainText.EscapeMarkdown(art.Name))), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            await rows.UpdateAsync(saved, d => d.MeetingConversationId == chat ? d with { MeetingAgendaActivityId = activityId } : null, null, cancellationToken);
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Settings(DemoSchedule schedule) =>
        string.Create(CultureInfo.InvariantCulture, $"{Clock(schedule.Time)} prompt {schedule.PromptLead.TotalDays:0.##}d agenda {schedule.AgendaLead.TotalHours:0.##}h");

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo of ART {ArtId}, iteration {Iteration}: {Change}")]
    private partial void LogChanged(string artId, int iteration, DemoCommandKind change);
}
