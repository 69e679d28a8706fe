using System.Globalization;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Ids;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;
using ArtBot.Features.Improvements;

namespace ArtBot.Features.Demos;

/// <summary>
/// The team's feedback card's actions. <c>demo.improve</c> makes an improvement item of a "needs work" (once: its id
/// comes from the feedback, and the feedback keeps it); <c>demo.feature</c> sets the feature shown back to in progress
/// with the feedback noted in its history (once: the feedback keeps the feature's id). Members of the team's channel
/// and the ART's RTEs and Product Managers may do these. <c>demo.repair</c> saves an integration problem's root cause
/// and repair plan, or marks it repaired, each change in its history.
/// </summary>
public sealed partial class DemoFollowUpActions(
    ArtContext arts, DemoFollowUpReader reader, IImprovementStore improvements, IPlanStore<Feature> features, SharedDemoTeamFeedbackUpdater cards,
    DemoChanges changes, ILogger<DemoFollowUpActions> logger) : IBotFeature
{
    public const string ImprovementField = "improvementItem";
    public const string FeatureField = "changedFeature";
    public const string FeatureNoteField = "demoFeedback";
    public const string RootCauseField = "rootCause";
    public const string OwnerField = "repairOwner";
    public const string DueField = "repairDue";
    public const string RepairedField = "repaired";

    private const int Attempts = 5;

    public void Register(FeatureTable table) => table
        .Verb(DemoVerbs.Improve, ImproveAsync)
        .Verb(DemoVerbs.ChangeFeature, ChangeFeatureAsync)
        .Verb(DemoVerbs.Repair, RepairAsync);

    private async Task<InvokeResponse> ImproveAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, feedback, answer, error) = await FindFeedbackAsync(turn, data, cancellationToken);
        if (feedback is null)
        {
            return error!;
        }

        var art = place!.Art;
        if (feedback.ImprovementItemId is not null)
        {
            return CardResponses.Card(await cards.SharedAsync(art, answer!, cancellationToken, () => DemoFollowUpStrings.NoticeImprovementExists));
        }

        var item = answer!.Items.FirstOrDefault(i => i.Id == feedback.ItemId);
        var title = item?.Title ?? feedback.ItemId;
        var now = place.Turn.Now;
        string problem;
        using (ArtLocale.ForCard(art).Use())
        {
            problem = feedback.Comment is { Length: > 0 } comment
                ? Localized.Format(DemoFollowUpStrings.ImprovementProblemComment, title, feedback.Pi, feedback.Iteration, comment)
                : Localized.Format(DemoFollowUpStrings.ImprovementProblem, title, feedback.Pi, feedback.Iteration);
        }

        var improvement = new ImprovementItem
        {
            Id = DerivedIds.Of(ImprovementIds.ItemLength, "demo-improve", feedback.TenantId, feedback.ArtId, feedback.Id),
            Scope = new ImprovementScope(feedback.TenantId, feedback.ArtId, feedback.TeamConversationId),
            Title = ImprovementRules.TitleOf(PlainText.EscapeMarkdown(PlainText.OneLine(title))),
            Problem = PlainText.EscapeMarkdown(PlainText.OneLine(problem)),
            SourcePi = feedback.Pi,
            TargetPi = art.CurrentPi?.Name ?? feedback.Pi,
            Status = ImprovementStatus.Proposed,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var actor = place.Turn.Actor;
        var created = await improvements.CreateAsync(improvement,
            new ImprovementChange(now, actor.Id, actor.Name, Domain.Improvements.ImprovementField.Created, null,
                $"from System Demo feedback ({feedback.Pi}, iteration {feedback.Iteration}) by {feedback.By.DisplayName}"), cancellationToken);
        var stored = await UpdateFeedbackAsync(feedback, f => f.ImprovementItemId is null ? f with { ImprovementItemId = improvement.Id, UpdatedAt = now } : null,
            new PlanChange(now, actor, ImprovementField, null, improvement.Id), cancellationToken);
        if (created)
        {
            LogImprovementMade(feedback.Id, improvement.Id);
        }

        changes.Raise(new DemoChange(feedback.TenantId, feedback.ArtId, feedback.DemoId, DemoChangeKind.FollowUp, feedback.TeamConversationId));
        var notice = stored is null ? DemoFollowUpStrings.NoticeImprovementExists : null;
        return CardResponses.Card(await cards.SharedAsync(art, answer, cancellationToken,
            () => notice ?? Localized.Format(DemoFollowUpStrings.NoticeImprovementMade, improvement.Title)));
    }

    private async Task<InvokeResponse> ChangeFeatureAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (place, feedback, answer, error) = await FindFeedbackAsync(turn, data, cancellationToken);
        if (feedback is null)
        {
            return error!;
        }

        var art = place!.Art;
        if (feedback.ChangedFeatureId is not null)
        {
            return CardResponses.Card(await cards.SharedAsync(art, answer!, cancellationToken, () => DemoFollowUpStrings.NoticeFeatureAlready));
        }

        if (answer!.Items.FirstOrDefault(i => i.Id == feedback.ItemId) is not { Kind: DemoItemKind.Feature, RefId: { } featureId }
            || await features.GetAsync(feedback.TenantId, feedback.ArtId, featureId, cancellationToken) is not { } feature)
        {
            return CardResponses.Error("NotAFeature", DemoFollowUpStrings.ErrorNotFeature);
        }

        // The feedback is claimed first (ETag-guarded): two clicks at once change the feature once.
        var now = place.Turn.Now;
        var actor = place.Turn.Actor;
        var claimed = await UpdateFeedbackAsync(feedback, f => f.ChangedFeatureId is null ? f with { ChangedFeatureId = featureId, UpdatedAt = now } : null,
            new PlanChange(now, actor, FeatureField, null, featureId), cancellationToken);
        if (claimed is null)
        {
            return CardResponses.Card(await cards.SharedAsync(art, answer, cancellationToken, () => DemoFollowUpStrings.NoticeFeatureAlready));
        }

        var note = $"needs work at the System Demo ({feedback.Pi}, iteration {feedback.Iteration}), from {feedback.By.DisplayName}"
            + (feedback.Comment is { Length: > 0 } comment ? ": " + comment : "");
        Feature? changed = null;
        for (var attempt = 0; attempt < Attempts && changed is null; attempt++)
        {
            var entries = new List<PlanChange>();
            var state = feature.State is FeatureState.Done ? FeatureState.InProgress : feature.State;
            if (state != feature.State)
            {
                entries.Add(new PlanChange(now, actor, "state", feature.State.ToString(), state.ToString()));
            }

            entries.Add(new PlanChange(now, actor, FeatureNoteField, null, note));
            changed = await features.UpdateAsync(feature with { State = state, UpdatedAt = now }, entries, cancellationToken);
            if (changed is null && await features.GetAsync(feature.TenantId, feature.ArtId, feature.Id, cancellationToken) is { } again)
            {
                feature = again;
            }
        }

        if (changed is null)
        {
            // Give the click back: the feature was not changed, so the feedback must not say it was.
            await UpdateFeedbackAsync(claimed, f => f with { ChangedFeatureId = null }, new PlanChange(now, actor, FeatureField, featureId, null), cancellationToken);
            return CardResponses.Error("Busy", DemoFollowUpStrings.ErrorBusy);
        }

        LogFeatureChanged(feedback.Id, feature.Id);
        changes.Raise(new DemoChange(feedback.TenantId, feedback.ArtId, feedback.DemoId, DemoChangeKind.FollowUp, feedback.TeamConversationId));
        var title = PlainText.EscapeMarkdown(feature.Title);
        return CardResponses.Card(await cards.SharedAsync(art, answer, cancellationToken, () => Localized.Format(DemoFollowUpStrings.NoticeFeatureChanged, title)));
    }

    private async Task<InvokeResponse> RepairAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = RepairForm.Read(data, out var problemId);
        var art = new ArtTurn(turn, arts);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            return CardResponses.Error("NotInArt", DemoFollowUpStrings.ErrorNotInArt);
        }

        if (!DerivedIds.IsWellFormed(problemId, PlanIds.Length)
            || await reader.Problems.GetAsync(art.TenantId, place.Art.Id, problemId!, cancellationToken) is not { } problem)
        {
            return CardResponses.Error("ProblemNotFound", DemoFollowUpStrings.ErrorProblemNotFound);
        }

        if (!MayRepair(place, problem))
        {
            return CardResponses.Error("NotAllowed", Localized.Format(DemoFollowUpStrings.ErrorNotAllowedProblem, PlainText.EscapeMarkdown(problem.TeamName ?? place.Art.Name)));
        }

        var now = art.Now;
        var actor = art.Actor;
        Func<IntegrationProblem, (IntegrationProblem? Changed, List<PlanChange> Entries)> apply;
        string notice;
        if (sent.Repaired == true)
        {
            apply = p => p.RepairedAt is not null ? (null, []) : (p with { RepairedAt = now, UpdatedAt = now }, [new PlanChange(now, actor, RepairedField, null, now.ToString("O", CultureInfo.InvariantCulture))]);
            notice = DemoFollowUpStrings.NoticeRepaired;
        }
        else
        {
            var rootCause = sent.RootCause?.Trim();
            var ownerText = sent.Owner?.Trim();
            if (rootCause is { Length: > IntegrationProblem.MaxText } || ownerText is { Length: > RepairForm.MaxOwner }
                || (rootCause ?? "").Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || (ownerText ?? "").Any(char.IsControl))
            {
                return CardResponses.Error("InvalidRepair", Localized.Format(DemoFollowUpStrings.ErrorTooLong, IntegrationProblem.MaxText, RepairForm.MaxOwner));
            }

            var iterations = DemoFollowUpReader.Iterations(place.Art);
            int? due = null;
            if (sent.DueIteration is { Length: > 0 } dueText)
            {
                if (!int.TryParse(dueText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !iterations.Contains(number))
                {
                    return CardResponses.Error("InvalidIteration", Localized.Format(DemoFollowUpStrings.ErrorDue, PlainText.EscapeMarkdown(place.Art.CurrentPi?.Name ?? "")));
                }

                due = number;
            }

            Person? owner = ownerText is { Length: > 0 }
                ? IsMe(ownerText) ? actor : new Person("", ownerText)
                : null;
            if (rootCause is not { Length: > 0 } && owner is null && due is null)
            {
                return CardResponses.Error("NothingToSave", DemoFollowUpStrings.ErrorNothingToSave);
            }

            var repairPi = place.Art.CurrentPi?.Name;
            apply = p =>
            {
                var entries = new List<PlanChange>();
                var next = p;
                if (rootCause is { Length: > 0 } && rootCause != p.RootCause)
                {
                    entries.Add(new PlanChange(now, actor, RootCauseField, p.RootCause, rootCause));
                    next = next with { RootCause = rootCause };
                }

                if (owner is not null && (owner.Name != p.RepairOwner?.Name || owner.Id != p.RepairOwner?.Id))
                {
                    entries.Add(new PlanChange(now, actor, OwnerField, p.RepairOwner?.DisplayName, owner.DisplayName));
                    next = next with { RepairOwner = owner };
                }

                if (due is { } iteration && (iteration != p.RepairDueIteration || repairPi != p.RepairPi))
                {
                    entries.Add(new PlanChange(now, actor, DueField, Due(p.RepairPi, p.RepairDueIteration), Due(repairPi, iteration)));
                    next = next with { RepairDueIteration = iteration, RepairPi = repairPi };
                }

                return entries.Count == 0 ? (null, entries) : (next with { UpdatedAt = now }, entries);
            };
            notice = DemoFollowUpStrings.NoticePlanSaved;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (next, entries) = apply(problem);
            if (next is null)
            {
                break; // already so (a redelivery, or the same values again)
            }

            if (await reader.Problems.UpdateAsync(next, entries, cancellationToken) is { } saved)
            {
                problem = saved;
                LogRepairSaved(problem.Id, entries.Count);
                changes.Raise(new DemoChange(problem.TenantId, problem.ArtId, problem.DemoId, DemoChangeKind.Problem, problem.TeamConversationId));
                break;
            }

            if (await reader.Problems.GetAsync(problem.TenantId, problem.ArtId, problem.Id, cancellationToken) is not { } again)
            {
                return CardResponses.Error("ProblemNotFound", DemoFollowUpStrings.ErrorProblemNotFound);
            }

            problem = again;
            if (attempt == Attempts - 1)
            {
                return CardResponses.Error("Busy", DemoFollowUpStrings.ErrorBusy);
            }
        }

        // The answer replaces the card clicked: the team's feedback card, or a list of problems.
        if (problem.TeamConversationId is { } team
            && await reader.AnswerAsync(problem.TenantId, problem.ArtId, problem.DemoId, team, cancellationToken) is { } answer
            && answer.FeedbackActivityId is { } posted
            && string.Equals(turn.Activity.ReplyToId, posted, StringComparison.Ordinal))
        {
            return CardResponses.Card(await cards.SharedAsync(place.Art, answer, cancellationToken, () => notice));
        }

        var open = await reader.OpenProblemsAsync(place.Art, place.Team?.ConversationId, cancellationToken);
        var shown = problem.IsOpen ? open : [problem, .. open];
        return CardResponses.Card(IntegrationProblemsCard.Build(place.Art, place.Team?.TeamName, shown, DemoFollowUpReader.Iterations(place.Art), notice));
    }

    /// <summary>The feedback an action names, if it is a "needs work" of this ART that the person acting may follow up.</summary>
    private async Task<(ArtPlace? Place, DemoFeedback? Feedback, DemoTeamAnswer? Answer, InvokeResponse? Error)> FindFeedbackAsync(
        TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var followUp = CardData.Read(data, DemoCardDataContext.Default.DemoFollowUpData);
        var art = new ArtTurn(turn, arts);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            return (null, null, null, CardResponses.Error("NotInArt", DemoFollowUpStrings.ErrorNotInArt));
        }

        if (!DerivedIds.IsWellFormed(followUp.FeedbackId, PlanIds.Length)
            || await reader.Feedback.GetAsync(art.TenantId, place.Art.Id, followUp.FeedbackId!, cancellationToken) is not { } feedback
            || await reader.AnswerAsync(feedback.TenantId, feedback.ArtId, feedback.DemoId, feedback.TeamConversationId, cancellationToken) is not { } answer)
        {
            return (place, null, null, CardResponses.Error("FeedbackNotFound", DemoFollowUpStrings.ErrorFeedbackNotFound));
        }

        if (place.Team?.ConversationId != feedback.TeamConversationId && !art.Activity.KeepsBacklogOf(place.Art))
        {
            LogRefused(feedback.Id);
            return (place, null, null, CardResponses.Error("NotAllowed", Localized.Format(DemoFollowUpStrings.ErrorNotAllowed, PlainText.EscapeMarkdown(answer.TeamName))));
        }

        if (feedback.Verdict != DemoVerdict.NeedsWork)
        {
            return (place, null, null, CardResponses.Error("NotNeedsWork", DemoFollowUpStrings.ErrorNotNeedsWork));
        }

        return (place, feedback, answer, null);
    }

    /// <summary>Members of the problem's team's channel (or, for a problem of the whole demo, of the ART's channel), and the ART's RTEs and Product Managers.</summary>
    private static bool MayRepair(ArtPlace place, IntegrationProblem problem) =>
        place.Turn.Activity.KeepsBacklogOf(place.Art)
        || (place.Team is { } team ? team.ConversationId == problem.TeamConversationId : problem.TeamConversationId is null);

    /// <summary>Applies <paramref name="change"/> to the feedback (null: nothing to do) with its history entry, re-reading on a conflict; null when nothing was stored.</summary>
    private async Task<DemoFeedback?> UpdateFeedbackAsync(DemoFeedback feedback, Func<DemoFeedback, DemoFeedback?> change, PlanChange entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (change(feedback) is not { } next)
            {
                return null;
            }

            if (await reader.Feedback.UpdateAsync(next, [entry], cancellationToken) is { } saved)
            {
                return saved;
            }

            if (await reader.Feedback.GetAsync(feedback.TenantId, feedback.ArtId, feedback.Id, cancellationToken) is not { } again)
            {
                return null;
            }

            feedback = again;
        }

        return null;
    }

    private static bool IsMe(string owner) =>
        string.Equals(owner, "me", StringComparison.OrdinalIgnoreCase) || string.Equals(owner, DemoFollowUpStrings.OwnerMe, StringComparison.OrdinalIgnoreCase);

    private static string? Due(string? pi, int? iteration) => iteration is { } n ? $"{pi} iteration {n}".Trim() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feedback {FeedbackId} made improvement item {ItemId}")]
    private partial void LogImprovementMade(string feedbackId, string itemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feedback {FeedbackId} changed feature {FeatureId}")]
    private partial void LogFeatureChanged(string feedbackId, string featureId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integration problem {ProblemId}: {Count} repair changes saved")]
    private partial void LogRepairSaved(string problemId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up of demo feedback {FeedbackId} refused: not the team's channel, nor an RTE or Product Manager")]
    private partial void LogRefused(string feedbackId);
}
