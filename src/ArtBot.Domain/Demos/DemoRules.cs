using System.Globalization;
using ArtBot.Domain.Arts;

namespace ArtBot.Domain.Demos;

/// <summary>
/// When a System Demo happens and what a team's answer holds: the default day (the iteration's last working day), the
/// occurrence of a demo (a stored move or skip wins over the ART's schedule), the <c>demo</c> command's arguments, and a
/// team's items from its answer. Pure: no clock, no store.
/// </summary>
public static class DemoRules
{
    /// <summary>How long after the demo's start its agenda is still posted (a scheduler that was down catches up).</summary>
    public static readonly TimeSpan AgendaCatchUp = TimeSpan.FromHours(4);

    /// <summary>A prompt or agenda claim older than this without a posted card may be taken over (a crashed instance's).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(3);

    /// <summary>Longest lead times <c>demo settings</c> accepts.</summary>
    public const int MaxPromptDays = 14;
    public const int MaxAgendaHours = 14 * 24;

    /// <summary>The last Monday-to-Friday day of <paramref name="iteration"/> (its last day when it has none).</summary>
    public static DateOnly DefaultDate(Iteration iteration)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        for (var day = iteration.End; day >= iteration.Start; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return day;
            }
        }

        return iteration.End;
    }

    /// <summary>
    /// The demo of <paramref name="iteration"/>: the stored one's day and time when an RTE moved it, else the ART's default
    /// (which follows <c>demo settings</c>); the stored skip, else not skipped: every iteration has its demo, the IP
    /// iteration's too (the PI System Demo, at the start of the I&amp;A).
    /// </summary>
    public static DemoOccurrence Occurrence(Art art, ProgramIncrement pi, Iteration iteration, SystemDemo? stored)
    {
        ArgumentNullException.ThrowIfNull(art);
        ArgumentNullException.ThrowIfNull(pi);
        ArgumentNullException.ThrowIfNull(iteration);
        var moved = stored is { Moved: true };
        var date = moved ? stored!.Date : DefaultDate(iteration);
        var time = moved ? stored!.Time : art.Demo.Time;
        var skipped = stored?.Skipped ?? false;
        var startsAt = ToUtc(date, time, art.Sync.TimeZoneId);
        return new DemoOccurrence(pi.Name, iteration.Number, date, time, skipped, startsAt, startsAt - art.Demo.PromptLead, startsAt - art.Demo.AgendaLead);
    }

    /// <summary>Every demo of the ART's current PI (none without one), in iteration order.</summary>
    public static IReadOnlyList<DemoOccurrence> OfCurrentPi(Art art, IReadOnlyList<SystemDemo> stored)
    {
        ArgumentNullException.ThrowIfNull(art);
        ArgumentNullException.ThrowIfNull(stored);
        if (art.CurrentPi is not { } pi)
        {
            return [];
        }

        return [.. art.Cadence.Of(pi).Select(i => Occurrence(art, pi, i, stored.FirstOrDefault(d => d.Pi == pi.Name && d.Iteration == i.Number)))];
    }

    /// <summary>
    /// The current PI's next demo that is not skipped and not over at <paramref name="now"/> (a demo stays "next" until
    /// <see cref="AgendaCatchUp"/> after it started); null when none is left.
    /// </summary>
    public static DemoOccurrence? Next(Art art, IReadOnlyList<SystemDemo> stored, DateTimeOffset now) =>
        OfCurrentPi(art, stored).Where(o => !o.Skipped && now < o.StartsAt + AgendaCatchUp).MinBy(o => o.StartsAt);

    /// <summary>The demo a command names: <paramref name="iteration"/>'s, else the next one (skipped ones included), else null.</summary>
    public static DemoOccurrence? Named(Art art, IReadOnlyList<SystemDemo> stored, DateTimeOffset now, int? iteration)
    {
        var all = OfCurrentPi(art, stored);
        return iteration is { } number
            ? all.FirstOrDefault(o => o.Iteration == number)
            : all.Where(o => now < o.StartsAt + AgendaCatchUp).MinBy(o => o.StartsAt);
    }

    /// <summary>A day and time in the zone <paramref name="timeZoneId"/> as UTC (UTC when the zone is unknown; a time skipped by a clock change moves on an hour).</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, string timeZoneId)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>Reads the arguments of <c>demo</c> (after the command word); <see cref="DemoCommandKind.Invalid"/> when they do not fit.</summary>
    public static DemoCommand Parse(string? arguments)
    {
        var words = (arguments ?? "").Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new DemoCommand(DemoCommandKind.Show);
        }

        var rest = words[1..];
        return words[0].ToLowerInvariant() switch
        {
            "move" => ParseMove(rest),
            "skip" => ParseIterationOnly(DemoCommandKind.Skip, rest),
            "unskip" => ParseIterationOnly(DemoCommandKind.Unskip, rest),
            "settings" => ParseSettings(rest),
            "meeting" => ParseMeeting(rest),
            _ => DemoCommand.Invalid,
        };
    }

    /// <summary>
    /// A team's items from its answer: the features and objectives picked (in that order), then one item per line of
    /// free text, all presented by <paramref name="presenter"/>. An item's id comes from what it is (the same feature,
    /// objective or text keeps its id and its feedback); repeats are dropped.
    /// </summary>
    public static DemoItemsResult Items(string teamAnswerId, IEnumerable<DemoPick> picks, string? text, string? presenter)
    {
        ArgumentNullException.ThrowIfNull(picks);
        var who = Clean(presenter);
        if (who is { Length: > DemoItem.MaxPresenter })
        {
            return new DemoItemsResult([], DemoItemsError.PresenterTooLong);
        }

        var items = new List<DemoItem>();
        foreach (var pick in picks)
        {
            var id = DemoIds.Item(teamAnswerId, pick.Kind, pick.RefId);
            if (items.All(i => i.Id != id))
            {
                items.Add(new DemoItem(id, pick.Kind, pick.RefId, Shorten(pick.Title, DemoItem.MaxTitle), who));
            }
        }

        foreach (var line in (text ?? "").Split('\n'))
        {
            if (Clean(line) is not { } title)
            {
                continue;
            }

            if (title.Length > DemoItem.MaxTitle)
            {
                return new DemoItemsResult([], DemoItemsError.TitleTooLong);
            }

            var id = DemoIds.Item(teamAnswerId, DemoItemKind.Text, title.ToUpperInvariant());
            if (items.All(i => i.Id != id))
            {
                items.Add(new DemoItem(id, DemoItemKind.Text, null, title, who));
            }
        }

        return items.Count > DemoTeamAnswer.MaxItems
            ? new DemoItemsResult([], DemoItemsError.TooMany)
            : new DemoItemsResult(items, items.Count == 0 ? DemoItemsError.Empty : DemoItemsError.None);
    }

    private static DemoCommand ParseMove(string[] words)
    {
        var at = 0;
        int? iteration = null;
        if (at < words.Length && TryIteration(words[at], out var number))
        {
            iteration = number;
            at++;
        }

        if (at >= words.Length || !DateOnly.TryParseExact(words[at], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DemoCommand.Invalid;
        }

        at++;
        TimeOnly? time = null;
        if (at < words.Length)
        {
            if (!TryTime(words[at], out var parsed))
            {
                return DemoCommand.Invalid;
            }

            time = parsed;
            at++;
        }

        return at == words.Length ? new DemoCommand(DemoCommandKind.Move, iteration, date, time) : DemoCommand.Invalid;
    }

    private static DemoCommand ParseIterationOnly(DemoCommandKind kind, string[] words) => words.Length switch
    {
        0 => new DemoCommand(kind),
        1 when TryIteration(words[0], out var number) => new DemoCommand(kind, number),
        _ => DemoCommand.Invalid,
    };

    private static DemoCommand ParseSettings(string[] words)
    {
        if (words.Length == 0 || !TryTime(words[0], out var time))
        {
            return DemoCommand.Invalid;
        }

        int? promptDays = null;
        int? agendaHours = null;
        for (var at = 1; at < words.Length; at += 2)
        {
            if (at + 1 >= words.Length || !int.TryParse(words[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return DemoCommand.Invalid;
            }

            switch (words[at].ToLowerInvariant())
            {
                case "prompt" when promptDays is null && value is >= 1 and <= MaxPromptDays:
                    promptDays = value;
                    break;
                case "agenda" when agendaHours is null && value is >= 0 and <= MaxAgendaHours:
                    agendaHours = value;
                    break;
                default:
                    return DemoCommand.Invalid;
            }
        }

        return new DemoCommand(DemoCommandKind.Settings, Time: time, PromptDays: promptDays, AgendaHours: agendaHours);
    }

    private static DemoCommand ParseMeeting(string[] words)
    {
        int? iteration = null;
        var name = words;
        if (words.Length > 0 && TryIteration(words[^1], out var number))
        {
            iteration = number;
            name = words[..^1];
        }

        return new DemoCommand(DemoCommandKind.Meeting, iteration, ArtName: name.Length == 0 ? null : string.Join(' ', name));
    }

    private static bool TryIteration(string word, out int number) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is >= 1 and <= 52;

    private static bool TryTime(string word, out TimeOnly time) =>
        TimeOnly.TryParseExact(word, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A System Demo as scheduled: its day and time in the ART's zone, whether skipped, and its instants in UTC.</summary>
public sealed record DemoOccurrence(
    string Pi, int Iteration, DateOnly Date, TimeOnly Time, bool Skipped, DateTimeOffset StartsAt, DateTimeOffset PromptAt, DateTimeOffset AgendaAt);

/// <summary>A feature or objective a team picked to show.</summary>
public sealed record DemoPick(DemoItemKind Kind, string RefId, string Title);

/// <summary>The items of an answer, or why none could be made.</summary>
public sealed record DemoItemsResult(IReadOnlyList<DemoItem> Items, DemoItemsError Error);

public enum DemoItemsError
{
    None,
    /// <summary>Nothing picked and no text.</summary>
    Empty,
    TooMany,
    TitleTooLong,
    PresenterTooLong,
}

public enum DemoCommandKind
{
    Invalid,
    Show,
    Move,
    Skip,
    Unskip,
    Settings,
    Meeting,
}

/// <summary>What <c>demo ...</c> asked for.</summary>
public sealed record DemoCommand(
    DemoCommandKind Kind,
    int? Iteration = null,
    DateOnly? Date = null,
    TimeOnly? Time = null,
    int? PromptDays = null,
    int? AgendaHours = null,
    string? ArtName = null)
{
    public static readonly DemoCommand Invalid = new(DemoCommandKind.Invalid);
}
