using ArtBot.Storage;

namespace ArtBot.Features.Room;

/// <summary>
/// How every ART room endpoint answers (its views and the program board's): who is signed in, the conversation they
/// may use, and the problems people read: 401 without sign-in, 404 for a conversation that is not theirs (or unknown),
/// 503 that says whether Teams or storage did not answer.
/// </summary>
public sealed class RoomRequests(bool localDevelopment)
{
    public bool LocalDevelopment => localDevelopment;

    /// <summary>Runs <paramref name="handle"/> for the place the user may use, or answers the problem.</summary>
    public async Task<IResult> HandleAsync(
        HttpContext http, RoomAccess access, string? conversation, string? tenant, Func<RoomPlace, RoomUser, Task<IResult>> handle, CancellationToken cancellationToken)
    {
        if (UserOf(http) is not { } user)
        {
            return Unauthorized();
        }

        try
        {
            var place = await access.ResolveAsync(user, conversation, tenant, cancellationToken);
            return place is null ? Problem(RoomStrings.ErrorRoomNotAvailable, StatusCodes.Status404NotFound) : await handle(place, user);
        }
        catch (Exception exception) when (exception is RoomUnavailableException or StorageUnavailableException)
        {
            return Problem(exception is RoomUnavailableException ? exception.Message : RoomStrings.ErrorStorageUnavailable, StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The signed-in user (the policy let the request in), or the local developer without an app id.</summary>
    public RoomUser? UserOf(HttpContext http) => localDevelopment ? RoomUser.LocalDeveloper : RoomUser.From(http.User);

    public static IResult Unauthorized() => Problem(RoomStrings.ErrorSignIn, StatusCodes.Status401Unauthorized);

    public static IResult Problem(string title, int status) => Results.Problem(title: title, statusCode: status);

    public static IResult Csv(byte[] content, string name) => Results.File(content, "text/csv; charset=utf-8", $"art-room-{name}.csv");
}
