using ArtBot.Features.Common;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Improvements;

/// <summary>
/// The workshop card's Universal Actions: <c>workshop.add</c> adds a problem, <c>workshop.dot</c> spends or takes
/// back a dot (answered with the participant's own view), <c>workshop.close</c> closes voting (an RTE of the ART, or
/// the starter without an ART) and turns the top problems into improvement items. Bad input gets an error Teams
/// shows on the card and changes nothing.
/// </summary>
public sealed partial class WorkshopActions(
    IWorkshopStore workshops,
    IImprovementStore improvements,
    IArtStore arts,
    SharedWorkshopCardUpdater sharedCards,
    TimeProvider time,
    ILogger<WorkshopActions> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table
        .Verb(WorkshopCard.AddVerb, AddAsync)
        .Verb(WorkshopCard.DotVerb, DotAsync)
        .Verb(WorkshopCard.CloseVerb, CloseAsync)
        .Verb(WorkshopCard.MineVerb, MineAsync);

    /// <summary>"My dots": the participant's own view (dots left, their dots marked), after the shared card replaced it.</summary>
    private async Task<InvokeResponse> MineAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (state, error) = await FindAsync(turn, CardData.Read(data, Data.WorkshopData).WorkshopId, cancellationToken);
        return state is null ? error! : CardResponses.Card(WorkshopCard.Build(state, ImprovementPlace.ActorIdOf(turn.Activity)));
    }

    private async Task<InvokeResponse> AddAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var added = CardData.Read(data, Data.WorkshopAddData);
        var check = ImprovementRules.CheckProblem(added.Problem);
        if (check.Text is not { } text)
        {
            return CardResponses.Error("InvalidProblem", check.Error!);
        }

        var (state, error) = await FindAsync(turn, added.WorkshopId, cancellationToken);
        if (state is null)
        {
            return error!;
        }

        var workshop = state.Workshop;
        if (workshop.IsClosed)
        {
            return CardResponses.Error("VotingClosed", ImprovementStrings.ErrorVotingClosedAdd);
        }

        var problem = new WorkshopProblem(
            ImprovementIds.Problem(workshop.Id, turn.Activity.Id ?? Guid.NewGuid().ToString("N")), text,
            turn.Activity.From?.Name, time.GetUtcNow());
        if (state.Problems.All(p => p.Id != problem.Id))
        {
            if (state.Problems.Count >= DotRules.MaxProblems)
            {
                return CardResponses.Error("TooManyProblems", Localized.Format(ImprovementStrings.MaxProblems, DotRules.MaxProblems));
            }

            await workshops.AddProblemAsync(workshop, problem, cancellationToken);
            sharedCards.Schedule(workshop.Id);
        }

        return await ViewAsync(turn, workshop.Id, ImprovementStrings.NoticeAdded, null, cancellationToken);
    }

    private async Task<InvokeResponse> DotAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var dot = CardData.Read(data, Data.WorkshopDotData);
        var problemId = dot.ProblemId;
        var op = dot.Op;
        if (!ImprovementIds.IsProblem(problemId) || op is not (WorkshopCard.SpendOp or WorkshopCard.TakeBackOp))
        {
            return CardResponses.Error("InvalidDot", ImprovementStrings.ErrorInvalidDot);
        }

        var (workshop, error) = await FindWorkshopAsync(turn, dot.WorkshopId, cancellationToken);
        if (workshop is null)
        {
            return error!;
        }

        if (workshop.IsClosed)
        {
            return CardResponses.Error("VotingClosed", ImprovementStrings.ErrorVotingClosedDots);
        }

        if (ImprovementPlace.ActorIdOf(turn.Activity) is not { } participantId)
        {
            return CardResponses.Error("UnknownParticipant", ImprovementStrings.ErrorUnknownParticipant);
        }

        DotResult result;
        if (op == WorkshopCard.SpendOp)
        {
            var state = await workshops.GetStateAsync(workshop.Id, cancellationToken);
            if (state is null || state.Problems.All(p => p.Id != problemId))
            {
                return CardResponses.Error("UnknownProblem", ImprovementStrings.ErrorUnknownProblem);
            }

            result = await workshops.SpendDotAsync(workshop, participantId, turn.Activity.From?.Name, problemId!, cancellationToken);
        }
        else
        {
            result = await workshops.TakeBackDotAsync(workshop, participantId, problemId!, cancellationToken);
        }

        if (result.Outcome == DotOutcome.NoDotsLeft)
        {
            return CardResponses.Error("NoDotsLeft",
                Localized.Format(ImprovementStrings.ErrorNoDotsLeft, workshop.DotsPerPerson));
        }

        if (result.Outcome == DotOutcome.Changed)
        {
            sharedCards.Schedule(workshop.Id);
            LogDot(workshop.Id, op);
        }

        var notice = (op, result.Outcome) switch
        {
            (WorkshopCard.SpendOp, DotOutcome.Changed) => ImprovementStrings.NoticeDotPlaced,
            (WorkshopCard.SpendOp, _) => ImprovementStrings.NoticeDotAlready,
            (_, DotOutcome.Changed) => ImprovementStrings.NoticeDotBack,
            _ => ImprovementStrings.NoticeNoDotHere,
        };

        // A click that changed nothing is not shown as a success.
        return await ViewAsync(turn, workshop.Id, notice, result.Outcome == DotOutcome.Changed ? null : "Default", cancellationToken);
    }

    private async Task<InvokeResponse> CloseAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var closing = CardData.Read(data, Data.WorkshopCloseData);
        var (state, error) = await FindAsync(turn, closing.WorkshopId, cancellationToken);
        if (state is null)
        {
            return error!;
        }

        var workshop = state.Workshop;
        var place = await ImprovementPlace.ResolveAsync(turn.Activity, arts, cancellationToken);
        var art = workshop.Scope.ArtId is { } artId ? await arts.GetAsync(workshop.Scope.TenantId, artId, cancellationToken) : null;
        var allowed = art is not null
            ? art.IsRte(place.ActorId)
            : workshop.Scope.ArtId is null && string.Equals(workshop.StarterId, place.ActorId, StringComparison.Ordinal);
        if (!allowed)
        {
            return CardResponses.Error("NotAllowed", art is not null
                ? Localized.Format(ImprovementStrings.ErrorCloseRte, PlainText.EscapeMarkdown(art.Name))
                : workshop.StarterName is { Length: > 0 } name
                    ? Localized.Format(ImprovementStrings.ErrorCloseStarterNamed, PlainText.EscapeMarkdown(name))
                    : ImprovementStrings.ErrorCloseStarter);
        }

        if (!workshop.IsClosed)
        {
            var top = DotRules.DefaultTop;
            var topText = closing.Top;
            if (!string.IsNullOrWhiteSpace(topText) && !DotRules.TryParseCount(topText, DotRules.MaxProblems, out top))
            {
                return CardResponses.Error("InvalidTop", Localized.Format(ImprovementStrings.ErrorInvalidTop, DotRules.MaxProblems));
            }

            var picked = (closing.Pick ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (picked.Any(id => state.Problems.All(p => p.Id != id)))
            {
                return CardResponses.Error("UnknownProblem", ImprovementStrings.ErrorPickedUnknown);
            }

            var selected = DotRules.Select(state.Ranking, top, picked);
            var closedAt = time.GetUtcNow();
            if (await workshops.CloseAsync(workshop, closedAt, place.ActorName, [.. selected.Select(s => s.Problem.Id)], cancellationToken))
            {
                LogClosed(workshop.Id, selected.Count);
            }
        }

        // Closed now (by this call or an earlier delivery): create the items of the stored selection; idempotent.
        var closed = await workshops.GetStateAsync(workshop.Id, cancellationToken) ?? state;
        var created = await CreateItemsAsync(closed, place, cancellationToken);
        await sharedCards.UpdateNowAsync(workshop.Id, cancellationToken);
        if (created.Count > 0)
        {
            var list = ImprovementListCard.Build(
                workshop.Pi is { Length: > 0 } pi
                    ? Localized.Format(ImprovementStrings.ListFromWorkshopTitle, PlainText.EscapeMarkdown(pi))
                    : ImprovementStrings.ListFromWorkshopNoPiTitle,
                created, time.GetUtcNow(), ImprovementStrings.ListNone);
            await turn.SendAsync(Activity.CreateMessage(attachments: list.ToAttachment()), cancellationToken);
        }

        var notice = closed.Workshop.SelectedProblemIds.Count switch
        {
            0 => ImprovementStrings.NoticeClosedNone,
            1 => ImprovementStrings.NoticeClosedOne,
            var n => Localized.Format(ImprovementStrings.NoticeClosedOther, n),
        };
        return CardResponses.Card(WorkshopCard.Build(closed, null, notice));
    }

    /// <summary>Creates the items of the selected problems that do not exist yet; returns those created now.</summary>
    private async Task<IReadOnlyList<ImprovementItem>> CreateItemsAsync(WorkshopState state, ImprovementPlace place, CancellationToken cancellationToken)
    {
        var workshop = state.Workshop;
        var ranking = state.Ranking.ToDictionary(r => r.Problem.Id, StringComparer.Ordinal);
        var created = new List<ImprovementItem>();
        foreach (var problemId in workshop.SelectedProblemIds)
        {
            if (!ranking.TryGetValue(problemId, out var ranked))
            {
                continue;
            }

            var at = workshop.ClosedAt ?? time.GetUtcNow();
            var item = new ImprovementItem
            {
                Id = ImprovementIds.Item(workshop.Id, problemId),
                Scope = workshop.Scope,
                Title = ImprovementRules.TitleOf(ranked.Problem.Text),
                Problem = ranked.Problem.Text,
                SourcePi = workshop.Pi,
                Status = ImprovementStatus.Proposed,
                WorkshopId = workshop.Id,
                Dots = ranked.Dots,
                CreatedAt = at,
                UpdatedAt = at,
            };
            var change = new ImprovementChange(at, place.ActorId, place.ActorName, ImprovementField.Created, null,
                $"from the Inspect & Adapt of {(workshop.Pi is { Length: > 0 } pi ? PlainText.EscapeMarkdown(pi) : "no PI")}, {ranked.Dots} dots");
            if (await improvements.CreateAsync(item, change, cancellationToken))
            {
                created.Add(item);
            }
        }

        return created;
    }

    private async Task<InvokeResponse> ViewAsync(TurnContext turn, string workshopId, string? notice, string? color, CancellationToken cancellationToken)
    {
        var state = await workshops.GetStateAsync(workshopId, cancellationToken);
        return state is null
            ? CardResponses.Error("WorkshopNotFound", ImprovementStrings.ErrorWorkshopNotFound)
            : CardResponses.Card(WorkshopCard.Build(state, ImprovementPlace.ActorIdOf(turn.Activity), notice, color));
    }

    private async Task<(WorkshopState? State, InvokeResponse? Error)> FindAsync(TurnContext turn, string? workshopId, CancellationToken cancellationToken)
    {
        var (workshop, error) = await FindWorkshopAsync(turn, workshopId, cancellationToken);
        if (workshop is null)
        {
            return (null, error);
        }

        var state = await workshops.GetStateAsync(workshop.Id, cancellationToken);
        return state is null ? (null, NotFound()) : (state, null);
    }

    /// <summary>The workshop named by the action's data, if it belongs to this tenant and conversation.</summary>
    private async Task<(Workshop? Workshop, InvokeResponse? Error)> FindWorkshopAsync(TurnContext turn, string? workshopId, CancellationToken cancellationToken)
    {
        if (!ImprovementIds.IsWorkshop(workshopId) || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return (null, NotFound());
        }

        var workshop = await workshops.GetAsync(workshopId!, cancellationToken);
        if (workshop is null
            || !string.Equals(workshop.Scope.TenantId, ConversationIds.Tenant(turn.Activity), StringComparison.Ordinal)
            || !string.Equals(workshop.ConversationId, ConversationIds.WithoutThread(conversationId), StringComparison.Ordinal))
        {
            LogNotFound(workshopId!);
            return (null, NotFound());
        }

        return (workshop, null);
    }

    private static InvokeResponse NotFound() => CardResponses.Error("WorkshopNotFound", ImprovementStrings.ErrorWorkshopNotFound);

    private static ImprovementCardDataContext Data => ImprovementCardDataContext.Default;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dot {Op} in workshop {WorkshopId}")]
    private partial void LogDot(string workshopId, string op);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} closed; {Count} problems selected")]
    private partial void LogClosed(string workshopId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for workshop {WorkshopId} refused: not a workshop of this conversation")]
    private partial void LogNotFound(string workshopId);
}
