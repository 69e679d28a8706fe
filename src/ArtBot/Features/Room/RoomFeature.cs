using System.Text.Json.Serialization.Metadata;
using ArtBot.BotFramework;
using ArtBot.Domain.Text;
using ArtBot.Features.Board;
using ArtBot.Features.Common;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Room;

/// <summary>
/// The ART room's JSON API (<c>/api/room/...</c>, README, "ART room API"), each view also as CSV (<c>.csv</c>), and the tab's
/// pages (<c>/room/</c>, static files built from <c>web/room</c>). Signed in with Teams SSO, except in local
/// development (no app id). No token: 401; a conversation that is not the user's (or unknown): 404; Teams or storage
/// not answering: 503 that says so. Its contract, the OpenAPI document made from these endpoints (<see cref="RoomOpenApi"/>),
/// is at <c>/api/room/openapi.json</c>.
/// </summary>
public sealed class RoomFeature(IOptions<BotFrameworkOptions> bot) : IEndpointFeature
{
    private readonly bool _localDevelopment = bot.Value.IsLocalDevelopment;
    private readonly RoomRequests _requests = new(bot.Value.IsLocalDevelopment);

    /// <summary>Where Teams frames the tab (Teams on the web, desktop and mobile, and the Microsoft 365 hosts).</summary>
    public const string FrameAncestors =
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://*.skype.com";

    /// <summary>The simulated meeting (the meeting pages side by side without Teams), served in local development only.</summary>
    public const string SimulatedMeeting = "/room/simulated-meeting.html";

    /// <summary>The tab's pages and its API.</summary>
    public IReadOnlyList<PathString> Paths { get; } = ["/room", "/api/room"];

    /// <summary>
    /// The pages framable by Teams only and served from <c>room/</c>, and the API's texts in the language the tab's
    /// browser asks for. Sign-in is the API endpoints' policy (<see cref="MapEndpoints"/>).
    /// </summary>
    public void UseMiddleware(IApplicationBuilder paths)
    {
        paths.Use(async (http, next) =>
        {
            if (!_localDevelopment && http.Request.Path.Equals(SimulatedMeeting, StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound; // a newcomer's page for local development only
                return;
            }

            if (http.Request.Path.StartsWithSegments("/room", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.ContentSecurityPolicy = FrameAncestors;
                http.Response.Headers.XContentTypeOptions = "nosniff";
            }

            await next(http);
        });

        // The pages are built next to the app (ArtBot.csproj, target BuildRoom), not in wwwroot.
        var folder = Path.Combine(AppContext.BaseDirectory, "room");
        if (Directory.Exists(folder))
        {
            var pages = new PhysicalFileProvider(folder);
            paths.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages, RequestPath = "/room" });
            paths.UseStaticFiles(new StaticFileOptions { FileProvider = pages, RequestPath = "/room" });
        }

        RequestLanguages.Use(paths); // the API's texts (errors, labels) in the tab's language
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/room").WithGroupName(RoomOpenApi.Document).WithTags("ART room");
        if (!_localDevelopment)
        {
            group.RequireAuthorization(RoomAuthentication.Policy);
        }

        // The contract describes the API and holds no data: readable without signing in, like the tab's pages.
        group.MapGet("/openapi.json", RoomOpenApi.ServeAsync).AllowAnonymous().ExcludeFromDescription();

        group.MapGet("/context", (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, user) => views.ContextAsync(place, user, ct), v => Results.Json(v, RoomJsonContext.Default.RoomContext), ct))
            .Json<RoomContext>("getRoomContext");
        View(group, "overview", "Overview", (views, place, ct) => views.OverviewAsync(place, ct), RoomJsonContext.Default.OverviewView, RoomCsv.Overview);
        group.MapGet("/risks", (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, string? team, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, _) => views.RisksAsync(place, team, ct), v => Results.Json(v, RoomJsonContext.Default.RisksView), ct))
            .Json<RisksView>("getRoomRisks");
        group.MapGet("/risks.csv", (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, string? team, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, _) => views.RisksAsync(place, team, ct), v => Csv(RoomCsv.Risks(v), "risks"), ct))
            .Csv("getRoomRisksCsv");
        View(group, "sync", "Sync", (views, place, ct) => views.SyncAsync(place, ct), RoomJsonContext.Default.SyncView, RoomCsv.Sync);
        View(group, "improvements", "Improvements", (views, place, ct) => views.ImprovementsAsync(place, ct), RoomJsonContext.Default.ImprovementsView, RoomCsv.Improvements);
        View(group, "predictability", "Predictability", (views, place, ct) => views.PredictabilityAsync(place, ct), RoomJsonContext.Default.PredictabilityView, RoomCsv.Predictability);
        View(group, "review", "Review", (views, place, ct) => views.ReviewAsync(place, ct), RoomJsonContext.Default.ReviewView, RoomCsv.Review);
        group.MapGet("/demos", (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, string? pi, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, _) => views.DemosAsync(place, pi, ct), v => v is null ? PiUnknown() : Results.Json(v, RoomJsonContext.Default.DemosView), ct))
            .Json<DemosView>("getRoomDemos");
        group.MapGet("/demos.csv", (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, string? pi, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, _) => views.DemosAsync(place, pi, ct), v => v is null ? PiUnknown() : Csv(RoomCsv.Demos(v), "demos"), ct))
            .Csv("getRoomDemosCsv");
        View(group, "dependencies", "Dependencies", (views, place, ct) => views.DependenciesAsync(place, ct), RoomJsonContext.Default.DependenciesView, RoomCsv.Dependencies);
        group.MapGet("/mine", async (HttpContext http, RoomViews views, CancellationToken ct) =>
                UserOf(http) is { } user ? Results.Json(await views.MineAsync(user, ct), RoomJsonContext.Default.MineView) : Unauthorized())
            .Json<MineView>("getRoomMine", inConversation: false);
        group.MapGet("/mine.csv", async (HttpContext http, RoomViews views, CancellationToken ct) =>
                UserOf(http) is { } user ? Csv(RoomCsv.Mine(await views.MineAsync(user, ct)), "mine") : Unauthorized())
            .Csv("getRoomMineCsv", inConversation: false);
        BoardEndpoints.Map(group, _requests);
    }

    /// <summary>A view of a conversation (<c>?conversation=</c>) as JSON and as CSV.</summary>
    private void View<T>(
        RouteGroupBuilder group, string name, string operation, Func<RoomViews, RoomPlace, CancellationToken, Task<T>> read, JsonTypeInfo<T> json, Func<T, byte[]> csv)
    {
        group.MapGet("/" + name, (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, _) => read(views, place, ct), v => Results.Json(v, json), ct))
            .Json<T>("getRoom" + operation);
        group.MapGet("/" + name + ".csv", (HttpContext http, RoomViews views, RoomAccess access, string? conversation, string? tenant, CancellationToken ct) =>
                HandleAsync(http, access, conversation, tenant, (place, _) => read(views, place, ct), v => Csv(csv(v), name), ct))
            .Csv("getRoom" + operation + "Csv");
    }

    private Task<IResult> HandleAsync<T>(
        HttpContext http, RoomAccess access, string? conversation, string? tenant, Func<RoomPlace, RoomUser, Task<T>> read, Func<T, IResult> answer, CancellationToken cancellationToken) =>
        _requests.HandleAsync(http, access, conversation, tenant, async (place, user) => answer(await read(place, user)), cancellationToken);

    private RoomUser? UserOf(HttpContext http) => _requests.UserOf(http);

    private static IResult PiUnknown() => RoomRequests.Problem(RoomStrings.ErrorPiUnknown, StatusCodes.Status404NotFound);

    private static IResult Unauthorized() => RoomRequests.Unauthorized();

    private static IResult Csv(byte[] content, string name) => RoomRequests.Csv(content, name);
}
