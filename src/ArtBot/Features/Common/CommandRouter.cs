using System.Globalization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Common;

/// <summary>
/// Dispatches message text to the command named by its first word (case-insensitive, after the bot's
/// @mention is removed). Text that names no command gets the fallback (help).
/// </summary>
public sealed partial class CommandRouter(IEnumerable<BotCommand> commands, ILogger<CommandRouter> logger)
{
    private readonly Dictionary<string, BotCommand> _commands = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The commands in the order they were registered.</summary>
    public IReadOnlyList<BotCommand> Commands { get; } = [.. commands];

    /// <summary>The command used for text that names no command.</summary>
    public string FallbackCommand { get; init; } = "help";

    public Task HandleMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Length == 0 && turn.Activity.Value is not null)
        {
            // An Action.Submit from a card without text: not a command.
            LogSubmitIgnored(turn.Activity.Id);
            return Task.CompletedTask;
        }

        var (word, arguments) = Split(turn.Text);
        if (_commands.TryGetValue(word, out var command))
        {
            return command.Handler(turn, arguments, cancellationToken);
        }

        return _commands[FallbackCommand].Handler(turn, turn.Text, cancellationToken);
    }

    /// <summary>Reads a date argument of a command (yyyy-MM-dd).</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Splits text into its first word (lower case, a leading '/' dropped) and the rest.</summary>
    public static (string Word, string Arguments) Split(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny([' ', '\t', '\r', '\n']);
        var word = end < 0 ? trimmed : trimmed[..end];
        var arguments = end < 0 ? string.Empty : trimmed[end..].Trim();
        return (word.TrimStart('/').ToLowerInvariant(), arguments);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {ActivityId} carries a card submit value and no text; ignored")]
    private partial void LogSubmitIgnored(string? activityId);
}
