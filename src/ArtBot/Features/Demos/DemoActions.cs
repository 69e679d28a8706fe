using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// The System Demo's card actions: <c>demo.answer</c> (a team says what it will show, from its own channel),
/// <c>demo.feedback</c> (anyone in the ART's channels or the demo's meeting chat: one verdict per item and person, given
/// again it replaces), <c>demo.refresh</c> (the person's own view) and <c>demo.problem</c> (an integration problem on an
/// item or the demo as a whole). Each stored change goes to the row's history and the agenda follows.
/// </summary>
public sealed partial class DemoActions(
    ArtContext arts,
    DemoRows rows,
    DemoPrompts prompts,
    DemoAgendaReader reader,
    IPlanStore<DemoFeedback> feedback,
    IPlanStore<IntegrationProblem> problems,
    DemoChanges changes,
    ILogger<DemoActions> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Verb(DemoVerbs.Answer, AnswerAsync)
        .Verb(DemoVerbs.Feedback, FeedbackAsync)
        .Verb(DemoVerbs.Refresh, RefreshAsync)
        .Verb(DemoVerbs.Problem, ProblemAsync);

    private async Task<InvokeResponse> AnswerAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, DemoCardDataContext.Default.DemoAnswerData);
        var art = new ArtTurn(turn, arts);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { Team: { } team } place)
        {
            return CardResponses.Error("NotTeam", DemoStrings.ErrorAnswerNotTeam);
        }

        if (sent.DemoId is not { Length: > 0 } demoId || await rows.Demos.GetAsync(art.TenantId, place.Art.Id, demoId, cancellationToken) is not { } demo)
        {
            return CardResponses.Error("UnknownDemo", DemoStrings.ErrorUnknownDemo);
        }

        var when = DemoAgendaReader.When(place.Art, demo);
        if (when.Skipped)
        {
            return CardResponses.Error("DemoSkipped", Localized.Format(DemoStrings.ErrorSkipped, demo.Iteration));
        }

        if (art.Now >= when.StartsAt + DemoRules.AgendaCatchUp)
        {
            return CardResponses.Error("DemoOver", Localized.Format(DemoStrings.ErrorOver, demo.Iteration));
        }

        var nothing = CardData.IsOn(sent.Nothing);
        var answerId = DemoIds.TeamAnswer(art.TenantId, place.Art.Id, demo.Id, team.ConversationId);
        IReadOnlyList<DemoItem> items = [];
        if (!nothing)
        {
            var (teamFeatures, teamObjectives) = await prompts.OfTeamAsync(place.Art, demo.Pi, team.ConversationId, cancellationToken);
            var featureIds = Ids(sent.Features);
            var objectiveIds = Ids(sent.Objectives);
            var picks = teamFeatures.Where(f => featureIds.Contains(f.Id)).Select(f => new DemoPick(DemoItemKind.Feature, f.Id, f.Title))
                .Concat(teamObjectives.Where(o => objectiveIds.Contains(o.Id)).Select(o => new DemoPick(DemoItemKind.Objective, o.Id, o.Text)));
            var result = DemoRules.Items(answerId, picks, sent.Other, sent.Presenter);
            switch (result.Error)
            {
                case DemoItemsError.Empty:
                    return CardResponses.Error("NoItems", DemoStrings.ErrorNoItems);
                case DemoItemsError.TooMany:
                    return CardResponses.Error("TooManyItems", Localized.Format(DemoStrings.ErrorTooMany, DemoTeamAnswer.MaxItems));
                case DemoItemsError.TitleTooLong:
                    return CardResponses.Error("TitleTooLong", Localized.Format(DemoStrings.ErrorTitleTooLong, DemoItem.MaxTitle));
                case DemoItemsError.PresenterTooLong:
                    return CardResponses.Error("PresenterTooLong", Localized.Format(DemoStrings.ErrorPresenterTooLong, DemoItem.MaxPresenter));
                default:
                    items = result.Items;
                    break;
            }
        }

        var now = art.Now;
        var actor = art.Actor;
        var part = await rows.EnsureAnswerAsync(demo, team, actor, cancellationToken);
        var saved = await rows.UpdateAsync(part,
            a => a with { Items = items, NothingToShow = nothing, AnsweredBy = actor, AnsweredAt = now, UpdatedAt = now },
            (before, after) => [new PlanChange(now, actor, "items", Summary(before), Summary(after))],
            cancellationToken);
        if (saved is null)
        {
            return CardResponses.Error("Busy", DemoStrings.ErrorBusy);
        }

        LogAnswered(saved.ArtId, saved.Iteration, saved.Items.Count);
        changes.Raise(new DemoChange(saved.TenantId, saved.ArtId, saved.DemoId, DemoChangeKind.Answer, saved.TeamConversationId));
        return CardResponses.Card(DemoPromptCard.Build(await prompts.ViewAsync(place.Art, demo, team, saved, cancellationToken), DemoStrings.NoticeAnswerSaved));
    }

    private async Task<InvokeResponse> FeedbackAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, DemoCardDataContext.Default.DemoFeedbackData);
        var art = new ArtTurn(turn, arts);
        var (agenda, refused) = await AgendaHereAsync(art, data, sent.DemoId, cancellationToken);
        if (agenda is null)
        {
            return refused!;
        }

        if (agenda.When.Skipped)
        {
            return CardResponses.Error("DemoSkipped", Localized.Format(DemoStrings.ErrorSkipped, agenda.Demo.Iteration));
        }

        if (agenda.Items.FirstOrDefault(i => i.Item.Id == sent.ItemId) is not { Item: not null } entry)
        {
            return CardResponses.Error("UnknownItem", DemoStrings.ErrorItem);
        }

        if (!TryVerdict(sent.Verdict, out var verdict))
        {
            return CardResponses.Error("InvalidVerdict", DemoStrings.ErrorVerdict);
        }

        var comment = string.IsNullOrWhiteSpace(sent.Comment) ? null : sent.Comment.Trim();
        if (comment is { Length: > DemoFeedback.MaxComment })
        {
            return CardResponses.Error("CommentTooLong", Localized.Format(DemoStrings.ErrorComment, DemoFeedback.MaxComment));
        }

        if (turn.Activity.UserId() is not { } personId)
        {
            return CardResponses.Error("UnknownPerson", DemoStrings.ErrorUnknownPerson);
        }

        var now = art.Now;
        var actor = art.Actor;
        var demo = agenda.Demo;
        var id = DemoIds.Feedback(art.TenantId, demo.ArtId, entry.Item.Id, personId);
        var given = new DemoFeedback
        {
            Id = id,
            TenantId = art.TenantId,
            ArtId = demo.ArtId,
            Pi = demo.Pi,
            Iteration = demo.Iteration,
            DemoId = demo.Id,
            TeamConversationId = entry.Answer.TeamConversationId,
            ItemId = entry.Item.Id,
            Verdict = verdict,
            Comment = comment,
            By = actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await feedback.CreateAsync(given, new PlanChange(now, actor, PlanChange.CreatedField, null, verdict.ToString()), cancellationToken))
        {
            var existing = await feedback.GetAsync(art.TenantId, demo.ArtId, id, cancellationToken);
            if (existing is null || await DemoRows.UpdateAsync(feedback, existing,
                f => f with { Verdict = verdict, Comment = comment, By = actor, UpdatedAt = now },
                (before, after) => Changes(now, actor, before, after), cancellationToken) is null)
            {
                return CardResponses.Error("Busy", DemoStrings.ErrorBusy);
            }
        }

        LogFeedback(demo.ArtId, demo.Iteration);
        changes.Raise(new DemoChange(art.TenantId, demo.ArtId, demo.Id, DemoChangeKind.Feedback, entry.Answer.TeamConversationId));
        var fresh = await reader.ReadAsync(agenda.Art, demo, cancellationToken);
        return CardResponses.Card(DemoAgendaCard.Build(fresh, personId, DemoStrings.NoticeFeedbackSaved));
    }

    private async Task<InvokeResponse> RefreshAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, DemoCardDataContext.Default.DemoRefData);
        var art = new ArtTurn(turn, arts);
        var (agenda, refused) = await AgendaHereAsync(art, data, sent.DemoId, cancellationToken);
        return agenda is null ? refused! : CardResponses.Card(DemoAgendaCard.Build(agenda, turn.Activity.UserId()));
    }

    private async Task<InvokeResponse> ProblemAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, DemoCardDataContext.Default.DemoProblemData);
        var art = new ArtTurn(turn, arts);
        var (agenda, refused) = await AgendaHereAsync(art, data, sent.DemoId, cancellationToken);
        if (agenda is null)
        {
            return refused!;
        }

        (DemoTeamAnswer Answer, DemoItem Item)? entry = null;
        var picked = CardData.Read(data, DemoPlaceDataContext.Default.DemoPlaceData).ProblemItemId ?? sent.ItemId;
        if (picked is { Length: > 0 } itemId && itemId != DemoAgendaCard.WholeDemo)
        {
            if (agenda.Items.FirstOrDefault(i => i.Item.Id == itemId) is not { Item: not null } found)
            {
                return CardResponses.Error("UnknownItem", DemoStrings.ErrorItem);
            }

            entry = found;
        }

        if (string.IsNullOrWhiteSpace(sent.WhatFailed))
        {
            return CardResponses.Error("WhatFailedMissing", DemoStrings.ErrorWhatFailed);
        }

        var what = sent.WhatFailed.Trim();
        if (what.Length > IntegrationProblem.MaxText)
        {
            return CardResponses.Error("WhatFailedTooLong", Localized.Format(DemoStrings.ErrorWhatFailedTooLong, IntegrationProblem.MaxText));
        }

        var now = art.Now;
        var demo = agenda.Demo;
        var key = turn.Activity.Id is { Length: > 0 } activityId ? activityId : Guid.NewGuid().ToString("N");
        var problem = new IntegrationProblem
        {
            Id = DemoIds.Problem(art.TenantId, demo.ArtId, key),
            TenantId = art.TenantId,
            ArtId = demo.ArtId,
            Pi = demo.Pi,
            Iteration = demo.Iteration,
            DemoId = demo.Id,
            ItemId = entry?.Item.Id,
            ItemTitle = entry?.Item.Title,
            TeamConversationId = entry?.Answer.TeamConversationId,
            TeamName = entry?.Answer.TeamName,
            WhatFailed = what,
            RaisedBy = art.Actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (await problems.CreateAsync(problem, new PlanChange(now, art.Actor, PlanChange.CreatedField, null, null), cancellationToken))
        {
            LogProblem(demo.ArtId, demo.Iteration);
            changes.Raise(new DemoChange(art.TenantId, demo.ArtId, demo.Id, DemoChangeKind.Problem, problem.TeamConversationId));
        }

        var fresh = await reader.ReadAsync(agenda.Art, demo, cancellationToken);
        return CardResponses.Card(DemoAgendaCard.Build(fresh, turn.Activity.UserId(), DemoStrings.NoticeProblemSaved));
    }

    /// <summary>
    /// The agenda an action names, when this conversation may act on it: one of its ART's channels (the ART's or a
    /// team's) or the demo's linked meeting chat. Else the error to answer with.
    /// </summary>
    private async Task<(DemoAgenda? Agenda, InvokeResponse? Refused)> AgendaHereAsync(ArtTurn art, JsonElement? data, string? demoId, CancellationToken cancellationToken)
    {
        var place = CardData.Read(data, DemoPlaceDataContext.Default.DemoPlaceData);
        if (place.ArtId is not { Length: > 0 } artId || demoId is not { Length: > 0 }
            || await reader.ReadAsync(art.TenantId, artId, demoId, cancellationToken) is not { } agenda)
        {
            return (null, CardResponses.Error("UnknownDemo", DemoStrings.ErrorUnknownDemo));
        }

        if (agenda.Demo.MeetingConversationId != art.ConversationId
            && (await art.FindArtAsync(cancellationToken))?.Art.Id != artId)
        {
            return (null, CardResponses.Error("NotHere", DemoStrings.ErrorNotHere));
        }

        return (agenda, null);
    }

    private static bool TryVerdict(string? text, out DemoVerdict verdict)
    {
        verdict = default;
        return text is { Length: > 0 } && !char.IsDigit(text[0]) && Enum.TryParse(text, ignoreCase: true, out verdict) && Enum.IsDefined(verdict);
    }

    private static HashSet<string> Ids(string? joined) =>
        [.. (joined ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Summary(DemoTeamAnswer answer) =>
        !answer.HasAnswered ? "" : answer.NothingToShow ? "nothing" : string.Join("; ", answer.Items.Select(i => i.Title));

    private static List<PlanChange> Changes(DateTimeOffset now, Domain.People.Person actor, DemoFeedback before, DemoFeedback after)
    {
        var list = new List<PlanChange>();
        if (before.Verdict != after.Verdict)
        {
            list.Add(new PlanChange(now, actor, "verdict", before.Verdict.ToString(), after.Verdict.ToString()));
        }

        if (before.Comment != after.Comment)
        {
            list.Add(new PlanChange(now, actor, "comment", before.Comment, after.Comment));
        }

        return list;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo answer saved in ART {ArtId}, iteration {Iteration}: {Items} items")]
    private partial void LogAnswered(string artId, int iteration, int items);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo feedback saved in ART {ArtId}, iteration {Iteration}")]
    private partial void LogFeedback(string artId, int iteration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integration problem recorded in ART {ArtId}, iteration {Iteration}")]
    private partial void LogProblem(string artId, int iteration);
}
