using System.Globalization;
using System.IO.Hashing;
using System.Text;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Dependencies;
using ArtBot.Features.Room;

namespace ArtBot.Features.Board;

/// <summary>
/// The program board's API under the ART room (<c>/api/room/board…</c>, docs/room-api.md): the board (polled with
/// <c>If-None-Match</c>: 304 while nothing changed), its CSV, and the changes people make on it. Signed in and scoped
/// like every room view (<see cref="RoomRequests"/>); who may change what is decided here: a team's members plan its
/// parts and capacity, Product Managers and RTEs the whole board.
/// </summary>
public sealed class BoardEndpoints(
    BoardReader reader, FeaturePlanning planning, IArtStore arts, DependencyRisks risks, DependencyBoard dependencyCards,
    RoomAccess access, TimeProvider time)
{
    public static void Map(RouteGroupBuilder group, RoomRequests requests)
    {
        group.MapGet("/board", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, string? team, string? state, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.ViewAsync(http, place, user, team, state, ct), ct))
            .Json<BoardView>("getRoomBoard").Produces(StatusCodes.Status304NotModified);
        group.MapGet("/board.csv", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.CsvAsync(place, user, ct), ct))
            .Csv("getRoomBoardCsv");
        group.MapPost("/board/moves", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, BoardMove move, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.MoveAsync(place, user, tenant, move, ct), ct))
            .Json<BoardFeature>("moveBoardFeature").Produces<BoardMoveConflict>(StatusCodes.Status409Conflict).Changes();
        group.MapPut("/board/capacity", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, BoardCapacity capacity, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.CapacityAsync(place, user, tenant, capacity, ct), ct))
            .Json<BoardTeam>("setBoardCapacity").Changes();
        group.MapPost("/board/milestones", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, BoardNewMilestone milestone, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.AddMilestoneAsync(http, place, user, milestone, ct), ct))
            .Json<BoardMilestone>("addBoardMilestone").Changes();
        group.MapDelete("/board/milestones/{id}", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, string id, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.RemoveMilestoneAsync(place, user, id, ct), ct))
            .Produces(StatusCodes.Status204NoContent).Answers("removeBoardMilestone").Changes();
        group.MapPost("/board/features", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, BoardNewFeature feature, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.AddFeatureAsync(http, place, user, feature, ct), ct))
            .Json<BoardFeature>("addBoardFeature").Changes();
        group.MapGet("/board/features/{id}/history", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, string id, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, _) => board.HistoryAsync(place, id, ct), ct))
            .Json<BoardHistory>("getBoardFeatureHistory");
        group.MapPost("/board/strings/{id}/risk", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, string id, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.RiskAsync(place, user, id, ct), ct))
            .Json<BoardConflict>("raiseBoardStringRisk").Changes();
        group.MapPost("/board/strings/{id}/proposal", (HttpContext http, BoardEndpoints board, RoomAccess access, string? conversation, string? tenant, string id, BoardProposal proposal, CancellationToken ct) =>
                requests.HandleAsync(http, access, conversation, tenant, (place, user) => board.ProposeAsync(place, user, id, proposal, ct), ct))
            .Produces(StatusCodes.Status202Accepted).Answers("proposeBoardStringIteration").Changes();
    }

    public async Task<IResult> ViewAsync(HttpContext http, RoomPlace place, RoomUser user, string? team, string? state, CancellationToken cancellationToken)
    {
        if (place.Art is not { } art || await reader.ReadAsync(art, cancellationToken) is not { } board)
        {
            return Results.Json(Unavailable, BoardJsonContext.Default.BoardView);
        }

        var can = Permissions(board, place, user);
        var today = board.Art.Today(time.GetUtcNow());
        var tag = ETagOf(board.Stamp, can, today, team, state);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = tag;
        if (http.Request.Headers.IfNoneMatch.Any(v => string.Equals(v, tag, StringComparison.Ordinal)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Json(BoardRender.View(board, can, today, team, state), BoardJsonContext.Default.BoardView);
    }

    public async Task<IResult> CsvAsync(RoomPlace place, RoomUser user, CancellationToken cancellationToken)
    {
        var view = place.Art is { } art && await reader.ReadAsync(art, cancellationToken) is { } board
            ? BoardRender.View(board, Permissions(board, place, user), board.Art.Today(time.GetUtcNow()), null, null)
            : Unavailable;
        return RoomRequests.Csv(BoardCsv.Write(view), "board");
    }

    public async Task<IResult> MoveAsync(RoomPlace place, RoomUser user, string? tenant, BoardMove move, CancellationToken cancellationToken)
    {
        if (await PlannableAsync(place, user, tenant, move.Team, cancellationToken) is not { } planned)
        {
            return NoPi;
        }

        if (planned.Refusal is { } refusal)
        {
            return refusal;
        }

        var art = planned.Art;
        var result = await planning.MoveAsync(art, move.FeatureId, move.Team, move.From, move.To, null, Person(user), cancellationToken);
        return await AnswerAsync(art, result.Outcome, () =>
        {
            var current = BoardRender.Feature(result.Feature!, []);
            var part = result.Feature!.PartOf(move.Team);
            var detail = Localized.Format(BoardStrings.ErrorMoved, result.Feature.Title, planned.Team.TeamName, IterationWords(part?.Iteration));
            return Results.Json(new BoardMoveConflict(BoardStrings.ErrorMovedTitle, detail, current), BoardJsonContext.Default.BoardMoveConflict, statusCode: StatusCodes.Status409Conflict);
        }, () => Results.Json(BoardRender.Feature(result.Feature!, []), BoardJsonContext.Default.BoardFeature));
    }

    public async Task<IResult> CapacityAsync(RoomPlace place, RoomUser user, string? tenant, BoardCapacity capacity, CancellationToken cancellationToken)
    {
        if (await PlannableAsync(place, user, tenant, capacity.Team, cancellationToken) is not { } planned)
        {
            return NoPi;
        }

        if (planned.Refusal is { } refusal)
        {
            return refusal;
        }

        var result = await planning.SetCapacityAsync(planned.Art, planned.Team, capacity.Iteration, capacity.Points, Person(user), cancellationToken);
        return await AnswerAsync(planned.Art, result.Outcome, () => Problem(BoardStrings.ErrorBusy, StatusCodes.Status409Conflict), async () =>
        {
            var board = await reader.ReadAsync(planned.Art, cancellationToken);
            var features = board?.Features ?? [];
            return Results.Json(BoardRender.Team(planned.Team, features, result.Item, board?.Iterations.Count ?? 0), BoardJsonContext.Default.BoardTeam);
        });
    }

    public async Task<IResult> AddMilestoneAsync(HttpContext http, RoomPlace place, RoomUser user, BoardNewMilestone milestone, CancellationToken cancellationToken)
    {
        if (BacklogKeeper(place, user) is not { } art)
        {
            return BacklogOnly(place);
        }

        if (!Enum.TryParse<MilestoneKind>(milestone.Kind, ignoreCase: true, out var kind) || int.TryParse(milestone.Kind, out _))
        {
            return Invalid(art);
        }

        var result = await planning.AddMilestoneAsync(art, IdempotencyKey(http), milestone.Date, milestone.Title ?? "", kind, Person(user), cancellationToken);
        return await AnswerAsync(art, result.Outcome, () => Problem(BoardStrings.ErrorBusy, StatusCodes.Status409Conflict), () =>
        {
            var m = result.Item!;
            var iteration = art.Cadence.At(art.CurrentPi!, m.Date)?.Number;
            return Results.Json(new BoardMilestone(m.Id, m.Date, m.Title, Camel(m.Kind), iteration), BoardJsonContext.Default.BoardMilestone, statusCode: StatusCodes.Status201Created);
        });
    }

    public async Task<IResult> RemoveMilestoneAsync(RoomPlace place, RoomUser user, string id, CancellationToken cancellationToken)
    {
        if (BacklogKeeper(place, user) is not { } art)
        {
            return BacklogOnly(place);
        }

        var outcome = PlanIds.IsWellFormed(id) ? await planning.RemoveMilestoneAsync(art, id, Person(user), cancellationToken) : PlanOutcome.NotFound;
        return await AnswerAsync(art, outcome, () => Problem(BoardStrings.ErrorBusy, StatusCodes.Status409Conflict), () => Results.NoContent());
    }

    public async Task<IResult> AddFeatureAsync(HttpContext http, RoomPlace place, RoomUser user, BoardNewFeature feature, CancellationToken cancellationToken)
    {
        if (BacklogKeeper(place, user) is not { } art)
        {
            return BacklogOnly(place);
        }

        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var named = (feature.Teams ?? []).Select(id => teams.FirstOrDefault(t => t.ConversationId == id)).ToList();
        if (named.Any(t => t is null))
        {
            return Problem(BoardStrings.ErrorUnknownTeam, StatusCodes.Status400BadRequest);
        }

        var result = await planning.AddFeatureAsync(
            art, IdempotencyKey(http), feature.Title ?? "", feature.Description, feature.BusinessValue, [.. named.OfType<ArtTeam>()], Person(user), cancellationToken);
        return await AnswerAsync(art, result.Outcome, () => Problem(BoardStrings.ErrorBusy, StatusCodes.Status409Conflict),
            () => Results.Json(BoardRender.Feature(result.Feature!, []), BoardJsonContext.Default.BoardFeature, statusCode: StatusCodes.Status201Created));
    }

    public async Task<IResult> HistoryAsync(RoomPlace place, string id, CancellationToken cancellationToken)
    {
        if (place.Art is not { } art || await planning.Features.GetAsync(art.TenantId, art.Id, id, cancellationToken) is null)
        {
            return Problem(BoardStrings.ErrorNotFound, StatusCodes.Status404NotFound);
        }

        var changes = await planning.Features.GetHistoryAsync(art.TenantId, art.Id, id, cancellationToken);
        return Results.Json(new BoardHistory(id, [.. changes.Select(c => new BoardChange(c.At, c.By.Name, c.Field, c.From, c.To))]), BoardJsonContext.Default.BoardHistory);
    }

    public async Task<IResult> RiskAsync(RoomPlace place, RoomUser user, string id, CancellationToken cancellationToken)
    {
        if (await ConflictAsync(place, user, id, cancellationToken) is not { } found)
        {
            return Problem(BoardStrings.ErrorDependencyNotFound, StatusCodes.Status404NotFound);
        }

        var (board, dependency, conflict) = found;
        if (dependency.RiskId is null)
        {
            var why = Localized.Format(BoardStrings.RiskWhyBoard, conflict.Words);
            if (await risks.RaiseAndLinkAsync(board.Art, board.Teams, dependency, why, Person(user), time.GetUtcNow(), cancellationToken) is not { } linked)
            {
                return Problem(BoardStrings.ErrorBusy, StatusCodes.Status409Conflict);
            }

            reader.Forget(board.Art);
            conflict = conflict with { RiskId = linked.RiskId };
        }

        return Results.Json(conflict, BoardJsonContext.Default.BoardConflict);
    }

    public async Task<IResult> ProposeAsync(RoomPlace place, RoomUser user, string id, BoardProposal proposal, CancellationToken cancellationToken)
    {
        if (await ConflictAsync(place, user, id, cancellationToken) is not { } found)
        {
            return Problem(BoardStrings.ErrorDependencyNotFound, StatusCodes.Status404NotFound);
        }

        var (board, dependency, conflict) = found;
        if (!conflict.ProposeIterations.Contains(proposal.Iteration))
        {
            return Invalid(board.Art);
        }

        if (board.Teams.FirstOrDefault(t => t.ConversationId == dependency.ProviderConversationId) is not { } provider)
        {
            return Problem(BoardStrings.ErrorUnknownTeam, StatusCodes.Status409Conflict);
        }

        var who = Person(user).DisplayName;
        var posted = await dependencyCards.PostToProviderAsync(board.Art, provider, dependency, () => Localized.Format(
            BoardStrings.ProposalText, who, provider.TeamName, dependency.Text, proposal.Iteration, dependency.RequesterTeamName, conflict.Needed), board.Art.Today(time.GetUtcNow()), cancellationToken);
        return posted ? Results.Accepted() : Problem(BoardStrings.ErrorTeamsUnavailable, StatusCodes.Status503ServiceUnavailable);
    }

    private static readonly BoardView Unavailable = new(false, null, [], [], [], [], [], [], new BoardPermissions(false, []));

    private static IResult NoPi => Problem(BoardStrings.ErrorNoPi, StatusCodes.Status409Conflict);

    /// <summary>The conflict row of a dependency on the board as the user sees it (null: not on this PI's board).</summary>
    private async Task<(BoardSnapshot Board, Dependency Dependency, BoardConflict Conflict)?> ConflictAsync(
        RoomPlace place, RoomUser user, string id, CancellationToken cancellationToken)
    {
        if (place.Art is not { } art || await reader.ReadAsync(art, cancellationToken) is not { } board
            || board.Dependencies.FirstOrDefault(d => d.Id == id) is not { } dependency)
        {
            return null;
        }

        var view = BoardRender.View(board, Permissions(board, place, user), board.Art.Today(time.GetUtcNow()), null, null);
        return view.Conflicts.FirstOrDefault(c => c.DependencyId == id) is { } conflict ? (board, dependency, conflict) : null;
    }

    /// <summary>
    /// The ART and team a part or capacity change is for, or the refusal: a team of the ART; the user a Product Manager,
    /// an RTE, in the team's own channel, or a member of the team's channel (as Teams answers). Null: no current PI.
    /// </summary>
    private async Task<Planned?> PlannableAsync(RoomPlace place, RoomUser user, string? tenant, string? team, CancellationToken cancellationToken)
    {
        if (place.Art is not { CurrentPi: not null } art)
        {
            return null;
        }

        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        if (teams.FirstOrDefault(t => t.ConversationId == team) is not { } found)
        {
            return new Planned(art, null!, Problem(BoardStrings.ErrorUnknownTeam, StatusCodes.Status404NotFound));
        }

        var allowed = user.IsLocal || art.KeepsBacklog(user.ObjectId) || place.Team?.ConversationId == found.ConversationId
            || (await access.ResolveAsync(user, found.ConversationId, tenant, cancellationToken))?.Team?.ConversationId == found.ConversationId;
        return new Planned(art, found, allowed ? null : Problem(Localized.Format(BoardStrings.ErrorNotYourTeam, found.TeamName), StatusCodes.Status403Forbidden));
    }

    private sealed record Planned(Art Art, ArtTeam Team, IResult? Refusal);

    private static BoardPermissions Permissions(BoardSnapshot board, RoomPlace place, RoomUser user)
    {
        var keeps = user.IsLocal || board.Art.KeepsBacklog(user.ObjectId);
        IReadOnlyList<string> teams = keeps ? [.. board.Teams.Select(t => t.ConversationId)] : place.Team is { } own ? [own.ConversationId] : [];
        return new BoardPermissions(keeps, teams);
    }

    private static Art? BacklogKeeper(RoomPlace place, RoomUser user) =>
        place.Art is { } art && (user.IsLocal || art.KeepsBacklog(user.ObjectId)) ? art : null;

    private static IResult BacklogOnly(RoomPlace place) =>
        place.Art is null ? Problem(RoomStrings.ErrorRoomNotAvailable, StatusCodes.Status404NotFound) : Problem(BoardStrings.ErrorBacklogOnly, StatusCodes.Status403Forbidden);

    /// <summary>The answer to a change: the changed item (and the board re-read here at once), or the problem that says why not.</summary>
    private async Task<IResult> AnswerAsync(Art art, PlanOutcome outcome, Func<IResult> conflict, Func<Task<IResult>> done)
    {
        switch (outcome)
        {
            case PlanOutcome.Done or PlanOutcome.Unchanged:
                reader.Forget(art);
                return await done();
            case PlanOutcome.Conflict:
                reader.Forget(art);
                return conflict();
            case PlanOutcome.NotFound:
                return Problem(BoardStrings.ErrorNotFound, StatusCodes.Status404NotFound);
            case PlanOutcome.NoPi:
                return NoPi;
            default:
                return Invalid(art);
        }
    }

    private Task<IResult> AnswerAsync(Art art, PlanOutcome outcome, Func<IResult> conflict, Func<IResult> done) =>
        AnswerAsync(art, outcome, conflict, () => Task.FromResult(done()));

    private static IResult Invalid(Art art) => Problem(
        Localized.Format(BoardStrings.ErrorInvalid, art.CurrentPi is { } pi ? art.Cadence.Of(pi).Count : 0, TeamCapacity.MaxPoints), StatusCodes.Status400BadRequest);

    private static IResult Problem(string title, int status) => RoomRequests.Problem(title, status);

    private static Person Person(RoomUser user) => new(user.ObjectId, user.Name is { Length: > 0 } name ? name : null);

    private static string IterationWords(int? iteration) => iteration is { } i ? Localized.Format(BoardStrings.IterationName, i) : BoardStrings.NotPlanned;

    private static string Camel(MilestoneKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A page's retry of the same creation (its <c>Idempotency-Key</c>) creates nothing twice.</summary>
    private static string IdempotencyKey(HttpContext http) =>
        http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 and <= 100 } key ? "board:" + key : "board:" + Guid.NewGuid().ToString("N");

    /// <summary>Same board rows, viewer's permissions, language, day and filters: same answer.</summary>
    private static string ETagOf(string stamp, BoardPermissions can, DateOnly today, string? team, string? state)
    {
        var text = string.Join('\n', stamp, can.KeepBacklog, string.Join(',', can.Teams), CultureInfo.CurrentUICulture.Name,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), team, state);
        return "\"" + Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(text))) + "\"";
    }
}
