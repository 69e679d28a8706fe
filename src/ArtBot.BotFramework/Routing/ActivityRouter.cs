using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Routing;

/// <summary>A handler of one kind of activity. Invoke handlers answer with the invoke response.</summary>
public delegate Task ActivityHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>A handler of one invoke name; its answer is the body and status of the same HTTP response.</summary>
public delegate Task<InvokeResponse> InvokeHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// Routes an activity to the handlers registered for its type, then to those for its name within the type: an invoke's
/// or an event's <c>name</c>, a conversation update's Teams <c>eventType</c> (e.g. <c>channelCreated</c>). Handlers
/// registered with <see cref="OnEveryActivity"/> run first, for every activity. Unknown types and names are acknowledged
/// and logged; an unknown invoke answers 501 like the Bot Framework SDK.
/// </summary>
public sealed partial class ActivityRouter(ILogger<ActivityRouter> logger)
{
    private readonly List<ActivityHandler> _always = [];
    private readonly Dictionary<string, List<ActivityHandler>> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<ActivityHandler>> _events = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<ActivityHandler>> _conversationUpdates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, InvokeHandler> _invokes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="handler"/> for every activity, before the type's handlers.</summary>
    public ActivityRouter OnEveryActivity(ActivityHandler handler)
    {
        _always.Add(handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> for activities of <paramref name="type"/> (see <see cref="ActivityTypes"/>).</summary>
    public ActivityRouter On(string type, ActivityHandler handler) => Add(_byType, type, handler);

    /// <summary>Runs <paramref name="handler"/> for <c>event</c> activities named <paramref name="name"/> (e.g. <c>application/vnd.microsoft.meetingStart</c>).</summary>
    public ActivityRouter OnEvent(string name, ActivityHandler handler) => Add(_events, name, handler);

    /// <summary>Runs <paramref name="handler"/> for conversation updates whose Teams <c>eventType</c> is <paramref name="eventType"/>, after the type's handlers.</summary>
    public ActivityRouter OnConversationUpdate(string eventType, ActivityHandler handler) => Add(_conversationUpdates, eventType, handler);

    /// <summary>Answers invokes named <paramref name="name"/> (e.g. <c>adaptiveCard/action</c>).</summary>
    public ActivityRouter OnInvoke(string name, InvokeHandler handler)
    {
        if (!_invokes.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"An invoke handler for '{name}' is already registered.");
        }

        return this;
    }

    /// <summary>Routes the turn. Returns the invoke response for invokes, null otherwise.</summary>
    public async Task<InvokeResponse?> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        foreach (var handler in _always)
        {
            await handler(turn, cancellationToken);
        }

        if (Is(activity, ActivityTypes.Invoke))
        {
            if (activity.Name is { } invokeName && _invokes.TryGetValue(invokeName, out var invoke))
            {
                return await invoke(turn, cancellationToken);
            }

            LogUnknownInvoke(activity.Name ?? "(none)", activity.Id);
            return InvokeResponse.NotImplemented;
        }

        var byType = activity.Type is { } type ? _byType.GetValueOrDefault(type) : null;
        var name = Is(activity, ActivityTypes.Event) ? activity.Name : Is(activity, ActivityTypes.ConversationUpdate) ? activity.ChannelData?.EventType : null;
        var named = name is null ? null : (Is(activity, ActivityTypes.Event) ? _events : _conversationUpdates).GetValueOrDefault(name);
        if (byType is null && named is null)
        {
            LogUnhandled(activity.Type ?? "(none)", name ?? "(none)", activity.Id);
            return null;
        }

        await RunAsync(byType, turn, cancellationToken);
        await RunAsync(named, turn, cancellationToken);
        return null;
    }

    private static bool Is(Activity activity, string type) => string.Equals(activity.Type, type, StringComparison.OrdinalIgnoreCase);

    private static async Task RunAsync(List<ActivityHandler>? handlers, TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers ?? [])
        {
            await handler(turn, cancellationToken);
        }
    }

    private ActivityRouter Add(Dictionary<string, List<ActivityHandler>> handlers, string key, ActivityHandler handler)
    {
        if (!handlers.TryGetValue(key, out var list))
        {
            handlers[key] = list = [];
        }

        list.Add(handler);
        return this;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoke '{Name}' (activity {ActivityId}) has no handler; answered 501")]
    private partial void LogUnknownInvoke(string name, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity type '{Type}' (name or event type '{Name}', activity {ActivityId}) has no handler; acknowledged")]
    private partial void LogUnhandled(string type, string name, string? activityId);
}
