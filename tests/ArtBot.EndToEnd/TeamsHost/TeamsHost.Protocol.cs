using System.Globalization;
using System.Text.Json.Nodes;

namespace ArtBot.EndToEnd;

// The answers are hand-written: they are Teams' side of the teams-js protocol, which no library offers outside Teams.
// Shapes as teams-js 2.58 reads them (src/internal/communication.ts, app.ts, authentication.ts, meeting.ts,
// dialogHelpers.ts, pagesHelpers.ts): a reply is { id, uuidAsString, args }, an event { func, args }.
public sealed partial class TeamsHost
{
    /// <summary>teams-js error codes (<c>ErrorCode</c>) Teams answers with.</summary>
    private const int NotSupportedOnPlatform = 100;
    private const int NotSupportedInCurrentContext = 501;
    private const int PermissionDenied = 1000;
    private const int InvalidArguments = 4000;

    /// <summary>
    /// The capabilities the Teams web client reports on initialize (runtime v4): what a page's <c>isSupported()</c>
    /// checks read.
    /// </summary>
    private static readonly string Runtime = new JsonObject
    {
        ["apiVersion"] = 4,
        ["hostVersionsInfo"] = new JsonObject { ["adaptiveCardSchemaVersion"] = new JsonObject { ["majorVersion"] = 1, ["minorVersion"] = 5 } },
        ["isNAAChannelRecommended"] = false,
        ["isLegacyTeams"] = false,
        ["supports"] = new JsonObject
        {
            ["appEntity"] = new JsonObject(),
            ["appInstallDialog"] = new JsonObject(),
            ["call"] = new JsonObject(),
            ["chat"] = new JsonObject(),
            ["conversations"] = new JsonObject(),
            ["dialog"] = new JsonObject
            {
                ["card"] = new JsonObject { ["bot"] = new JsonObject() },
                ["url"] = new JsonObject { ["bot"] = new JsonObject(), ["parentCommunication"] = new JsonObject() },
                ["update"] = new JsonObject(),
            },
            ["interactive"] = new JsonObject(),
            ["meeting"] = new JsonObject(),
            ["menus"] = new JsonObject(),
            ["pages"] = new JsonObject
            {
                ["appButton"] = new JsonObject(),
                ["backStack"] = new JsonObject(),
                ["config"] = new JsonObject(),
                ["currentApp"] = new JsonObject(),
                ["fullTrust"] = new JsonObject(),
                ["tabs"] = new JsonObject(),
            },
            ["people"] = new JsonObject(),
            ["profile"] = new JsonObject(),
            ["sharing"] = new JsonObject(),
            ["stageView"] = new JsonObject { ["self"] = new JsonObject() },
            ["teams"] = new JsonObject { ["fullTrust"] = new JsonObject { ["joinedTeams"] = new JsonObject() } },
            ["teamsCore"] = new JsonObject(),
        },
    }.ToJsonString();

    /// <summary>Answers one message from <paramref name="frame"/>'s page: <c>{ reply?, close }</c> for the relay.</summary>
    private string Answer(TeamsHostFrame frame, string message, string origin)
    {
        var request = JsonNode.Parse(message)!.AsObject();
        var func = request["func"]!.GetValue<string>();
        var args = request["args"] as JsonArray ?? [];
        var call = new TeamsHostCall(frame.FrameContext, origin, func, (JsonArray)args.DeepClone());
        _called.Change(() => _calls.Enqueue(call));

        var close = false;
        JsonArray? reply;
        switch (func)
        {
            case "initialize":
                reply = [frame.FrameContext, frame.Context.HostClientType, Runtime, args.Count > 0 ? args[0]?.DeepClone() : "2.0.1"];
                break;
            case "getContext":
                reply = [frame.Context.ToWire(User, frame.FrameContext, _sessionId)];
                break;
            case "authentication.getAuthToken":
                reply = AuthTokenError is { } error ? [false, error] : [true, _issuer.Token(User.TenantId, User.ObjectId, User.Name, User.UserPrincipalName)];
                break;
            case "registerHandler":
                frame.Registered(args.Count > 0 ? args[0]?.GetValue<string>() ?? "" : "");
                reply = null;
                break;
            case "appInitialization.appLoaded" or "appInitialization.success" or "appInitialization.failure" or "appInitialization.expectedFailure":
            case "settings.setValidityState" or "settings.save.success" or "settings.save.failure":
                reply = null;
                break;
            case "settings.setSettings":
                _settings.Enqueue(args.Count > 0 && args[0] is { } settings ? settings.DeepClone() : new JsonObject());
                reply = [true];
                break;
            case "settings.getSettings":
                reply = [_settings.LastOrDefault()?.DeepClone() ?? new JsonObject()];
                break;
            case "meeting.getAppContentStageSharingCapabilities":
                reply = [null, new JsonObject { ["doesAppHaveSharePermission"] = frame.Context.MayShareToStage }];
                break;
            case "meeting.getAppContentStageSharingState":
                reply = [null, new JsonObject { ["isAppSharing"] = _stage.IsSharing }];
                break;
            case "meeting.shareAppContentToStage":
                reply = ShareToStage(frame, args);
                break;
            case "meeting.stopSharingAppContentToStage":
                _stage.Stop();
                reply = [null, true];
                break;
            case "meeting.getMeetingDetails":
                reply = frame.Context.MeetingId is null ? [Error(NotSupportedInCurrentContext, "Not in a meeting."), null] : [null, MeetingDetails(frame.Context)];
                break;
            case "executeDeepLink":
                _deepLinks.Enqueue(args.Count > 0 ? args[0]?.GetValue<string>() ?? "" : "");
                reply = [true];
                break;
            case "tasks.completeTask":
                _dialogs.Enqueue(new DialogSubmission(
                    args.Count > 0 ? args[0]?.DeepClone() : null,
                    args.Count > 1 && args[1] is JsonArray ids ? [.. ids.Select(i => i?.GetValue<string>() ?? "")] : [],
                    frame.Url));

                // Teams closes the dialog that submitted; a content page that calls it stays open (teams-js warns).
                close = frame.FrameContext == TeamsFrameContexts.Task;
                frame.IsClosed = close;
                reply = null;
                break;
            default:
                _unsupported.Enqueue(call);
                reply = [Error(NotSupportedOnPlatform, $"{func} is not supported by this host.")];
                break;
        }

        var envelope = new JsonObject { ["close"] = close };
        if (reply is not null)
        {
            envelope["reply"] = new JsonObject { ["id"] = request["id"]?.DeepClone(), ["uuidAsString"] = request["uuidAsString"]?.DeepClone(), ["args"] = reply };
        }

        return envelope.ToJsonString();
    }

    /// <summary>
    /// Teams shares a page to the stage for an organizer or presenter of the meeting, from the side panel or the stage,
    /// when the URL is in the app's valid domains (here: an origin the host opened).
    /// </summary>
    private JsonArray ShareToStage(TeamsHostFrame frame, JsonArray args)
    {
        var url = args.Count > 0 ? args[0]?.GetValue<string>() : null;
        if (!frame.Context.MayShareToStage)
        {
            return [Error(PermissionDenied, "Only organizers and presenters can share to the stage."), false];
        }

        if (url is null || !IsAppUrl(url))
        {
            return [Error(InvalidArguments, "The URL is not in the app's valid domains."), false];
        }

        var protocol = args.Count > 1 ? args[1]?["sharingProtocol"]?.GetValue<string>() ?? "Collaborative" : "Collaborative";
        _stage.Share(new StageShare(url, protocol, frame.FrameContext, frame.Context));
        return [null, true];
    }

    /// <summary><c>meeting.getMeetingDetails</c>: the meeting's details, its chat and its organizer.</summary>
    private JsonObject MeetingDetails(TeamsContext context)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(8), TimeSpan.Zero);
        return new JsonObject
        {
            ["details"] = new JsonObject
            {
                ["id"] = context.MeetingId,
                ["title"] = context.MeetingTitle,
                ["type"] = "Scheduled",
                ["joinUrl"] = $"https://teams.microsoft.com/l/meetup-join/{Uri.EscapeDataString(context.ChatId ?? context.MeetingId!)}/0",
                ["scheduledStartTime"] = start.ToString("O", CultureInfo.InvariantCulture),
                ["scheduledEndTime"] = start.AddHours(8).ToString("O", CultureInfo.InvariantCulture),
            },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = true,
                ["conversationType"] = context.ChannelId is null ? "groupchat" : "channel",
                ["id"] = context.ChatId ?? context.ChannelId,
            },
            ["organizer"] = new JsonObject { ["id"] = context.MeetingRole == "Organizer" ? User.ObjectId : Guid.Empty.ToString(), ["tenantId"] = User.TenantId },
        };
    }

    private static JsonObject Error(int code, string message) => new() { ["errorCode"] = code, ["message"] = message };
}
