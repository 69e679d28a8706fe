using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Routing;

/// <summary>A handler of one kind of activity. Invoke handlers answer with the invoke response.</summary>
public delegate Task ActivityHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>A handler of one invoke name; its answer is the body and status of the same HTTP response.</summary>
public delegate Task<InvokeResponse> InvokeHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// Routes an activity to the handlers registered for its type (or invoke name). Handlers registered with
/// <see cref="OnEveryActivity"/> run first, for every activity. Unknown types are acknowledged and logged;
/// an unknown invoke answers 501 like the Bot Framework SDK.
/// </summary>
public sealed partial class ActivityRouter(ILogger<ActivityRouter> logger)
{
    private readonly List<ActivityHandler> _always = [];
    private readonly Dictionary<string, List<ActivityHandler>> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, InvokeHandler> _invokes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="handler"/> for every activity, before the type's handlers.</summary>
    public ActivityRouter OnEveryActivity(ActivityHandler handler)
    {
        _always.Add(handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> for activities of <paramref name="type"/> (see <see cref="ActivityTypes"/>).</summary>
    public ActivityRouter On(string type, ActivityHandler handler)
    {
        if (!_byType.TryGetValue(type, out var list))
        {
            _byType[type] = list = [];
        }

        list.Add(handler);
        return this;
    }

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

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            if (activity.Name is { } name && _invokes.TryGetValue(name, out var invoke))
            {
                return await invoke(turn, cancellationToken);
            }

            LogUnknownInvoke(activity.Name ?? "(none)", activity.Id);
            return InvokeResponse.NotImplemented;
        }

        if (activity.Type is { } type && _byType.TryGetValue(type, out var handlers))
        {
            foreach (var handler in handlers)
            {
                await handler(turn, cancellationToken);
            }

            return null;
        }

        LogUnhandledType(activity.Type ?? "(none)", activity.Id);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoke '{Name}' (activity {ActivityId}) has no handler; answered 501")]
    private partial void LogUnknownInvoke(string name, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity type '{Type}' (activity {ActivityId}) has no handler; acknowledged")]
    private partial void LogUnhandledType(string type, string? activityId);
}
