using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;

namespace ArtBot.Features.Common;

/// <summary>
/// What the bot answers, filled once by every <see cref="IBotFeature"/> in registration order: text commands (the order
/// help lists them), Universal Action verbs, invokes, events by name, conversation updates by Teams event type, and
/// handlers by activity type. <see cref="Build"/> turns it into the
/// <see cref="ActivityRouter"/> the endpoint uses; after that it is read-only.
/// </summary>
public sealed class FeatureTable
{
    private readonly List<BotCommand> _commands = [];
    private readonly CardActionRouter _verbs = new();
    private readonly List<(string Name, InvokeHandler Handler)> _invokes = [];
    private readonly List<(string? Type, ActivityHandler Handler)> _activities = [];
    private readonly List<(string Name, ActivityHandler Handler)> _events = [];
    private readonly List<(string EventType, ActivityHandler Handler)> _conversationUpdates = [];
    private bool _built;

    /// <summary>The text commands, in the order they were registered.</summary>
    public IReadOnlyList<BotCommand> Commands => _commands;

    /// <summary>The Universal Action verbs, as registered.</summary>
    public IReadOnlyCollection<string> Verbs => _verbs.Verbs;

    /// <summary>A text command: its word, how it is typed and one line for help and the manifest (resource texts, read when shown).</summary>
    public FeatureTable Command(string word, Func<string> usage, Func<string> description, CommandHandler handler)
    {
        ThrowIfBuilt();
        if (_commands.Any(c => string.Equals(c.Name, word, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The command '{word}' is registered twice.");
        }

        _commands.Add(new BotCommand(word, usage, description, handler));
        return this;
    }

    /// <summary>A Universal Action verb (<c>adaptiveCard/action</c>).</summary>
    public FeatureTable Verb(string verb, CardActionHandler handler)
    {
        ThrowIfBuilt();
        _verbs.On(verb, handler);
        return this;
    }

    /// <summary>Another invoke (a message extension's fetch or submit, say).</summary>
    public FeatureTable Invoke(string name, InvokeHandler handler)
    {
        ThrowIfBuilt();
        _invokes.Add((name, handler));
        return this;
    }

    /// <summary>An <c>event</c> activity by its name (a meeting's start or end, say: <c>application/vnd.microsoft.meetingEnd</c>).</summary>
    public FeatureTable Event(string name, ActivityHandler handler)
    {
        ThrowIfBuilt();
        _events.Add((name, handler));
        return this;
    }

    /// <summary>A conversation update by its Teams <c>eventType</c> (<c>channelCreated</c>, <c>teamRenamed</c>, ...).</summary>
    public FeatureTable ConversationUpdate(string eventType, ActivityHandler handler)
    {
        ThrowIfBuilt();
        _conversationUpdates.Add((eventType, handler));
        return this;
    }

    /// <summary>A handler for activities of <paramref name="type"/>; null: every activity, before the others.</summary>
    public FeatureTable Activity(string? type, ActivityHandler handler)
    {
        ThrowIfBuilt();
        _activities.Add((type, handler));
        return this;
    }

    /// <summary>Fills the table from <paramref name="features"/> and builds the router: messages go to the commands.</summary>
    public ActivityRouter Build(IEnumerable<IBotFeature> features, ILogger<ActivityRouter> routerLogger, ILogger<CommandRouter> commandLogger)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var feature in features)
        {
            feature.Register(this);
        }

        _built = true;
        var commands = new CommandRouter(_commands, commandLogger);
        var router = new ActivityRouter(routerLogger);
        foreach (var (type, handler) in _activities)
        {
            _ = type is null ? router.OnEveryActivity(handler) : router.On(type, handler);
        }

        router.On(ActivityTypes.Message, commands.HandleMessageAsync)
            .On(ActivityTypes.MessageReaction, (_, _) => Task.CompletedTask) // reactions are acknowledged, nothing more
            .OnInvoke(CardActionRouter.InvokeName, _verbs.RouteAsync);
        foreach (var (name, handler) in _invokes)
        {
            router.OnInvoke(name, handler);
        }

        foreach (var (name, handler) in _events)
        {
            router.OnEvent(name, handler);
        }

        foreach (var (eventType, handler) in _conversationUpdates)
        {
            router.OnConversationUpdate(eventType, handler);
        }

        return router;
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The feature table is read-only once the router is built.");
        }
    }
}
