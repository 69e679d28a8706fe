using ArtBot.BotFramework;
using ArtBot.Features.Common;
using ArtBot.Features.Room;
using ArtBot.Storage;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Meetings;

/// <summary>
/// The meeting API (<c>/api/meeting/...</c>, docs/meetings.md) behind the meeting pages served with the ART room
/// (<c>/room/meeting.html</c>, <c>stage.html</c>, <c>ballot.html</c>, <c>concern.html</c>). Signed in with Teams SSO like
/// the room, except in local development (no app id; the tenant is then named in <c>?tenant=</c>). Bad input: 400; no
/// token: 401; not allowed: 403 saying why; not the caller's meeting or vote: 404; a closed vote: 409; Teams or
/// storage not answering: 503 that says so.
/// </summary>
public sealed class MeetingFeature(IOptions<BotFrameworkOptions> bot) : IEndpointFeature
{
    private readonly bool _localDevelopment = bot.Value.IsLocalDevelopment;

    public IReadOnlyList<PathString> Paths { get; } = ["/api/meeting"];

    /// <summary>The API's texts in the language the page's browser asks for.</summary>
    public void UseMiddleware(IApplicationBuilder paths) => RequestLanguages.Use(paths);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/meeting").WithTags("Meeting").ExcludeFromDescription();
        if (!_localDevelopment)
        {
            group.RequireAuthorization(RoomAuthentication.Policy);
        }

        group.MapGet("/context", (HttpContext http, MeetingEndpoints api, string? meeting, string? chat, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.ContextAsync(caller, meeting, chat, http.Request, ct)));
        group.MapPost("/link", (HttpContext http, MeetingEndpoints api, LinkRequest body, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.LinkAsync(caller, body, ct)));
        group.MapPost("/votes", (HttpContext http, MeetingEndpoints api, StartVoteRequest body, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.StartAsync(caller, body, http.Request, ct)));
        group.MapGet("/votes/{voteId}", (HttpContext http, MeetingEndpoints api, string voteId, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.VoteAsync(caller, voteId, http, ct)));
        group.MapPost("/votes/{voteId}/ballot", (HttpContext http, MeetingEndpoints api, string voteId, BallotRequest body, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.BallotAsync(caller, voteId, body, http.Request, ct)));
        group.MapPost("/votes/{voteId}/close", (HttpContext http, MeetingEndpoints api, string voteId, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.CloseAsync(caller, voteId, ct)));
        group.MapPost("/votes/{voteId}/again", (HttpContext http, MeetingEndpoints api, string voteId, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.AgainAsync(caller, voteId, ct)));
        group.MapPost("/votes/{voteId}/concerns", (HttpContext http, MeetingEndpoints api, string voteId, ConcernRequest body, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.ConcernAsync(caller, voteId, body, ct)));
        group.MapPost("/votes/{voteId}/concerns/{concernId}/risk", (HttpContext http, MeetingEndpoints api, string voteId, string concernId, string? tenant, CancellationToken ct) =>
            Run(http, tenant, caller => api.RiskAsync(caller, voteId, concernId, ct)));
    }

    private async Task<IResult> Run(HttpContext http, string? tenant, Func<MeetingCaller, Task<IResult>> handle)
    {
        var user = _localDevelopment ? RoomUser.LocalDeveloper : RoomUser.From(http.User);
        if (user is null)
        {
            return Results.Problem(title: MeetingStrings.ErrorSignIn, statusCode: StatusCodes.Status401Unauthorized);
        }

        if ((user.TenantId ?? tenant) is not { Length: > 0 and <= 100 } tenantId)
        {
            return Results.Problem(title: MeetingStrings.ErrorTenant, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return await handle(new MeetingCaller(user, tenantId));
        }
        catch (Exception exception) when (exception is MeetingUnavailableException or RoomUnavailableException or StorageUnavailableException)
        {
            return Results.Problem(
                title: exception is StorageUnavailableException ? RoomStrings.ErrorStorageUnavailable : exception.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
