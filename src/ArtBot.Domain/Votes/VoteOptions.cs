using System.Globalization;

namespace ArtBot.Domain.Votes;

/// <summary>What is chosen when a vote starts (by command or the "new vote" form).</summary>
/// <param name="Scope">Team or ART vote; null: by where it starts (the ART's own channel: ART vote, else team vote).</param>
public sealed record VoteOptions(bool Anonymous = false, bool HideResults = false, int? DurationMinutes = null, VoteScope? Scope = null)
{
    /// <summary>The deadlines the form offers, in minutes.</summary>
    public static IReadOnlyList<int> Durations { get; } = [5, 10, 15, 30, 60];

    /// <summary>Reads a duration choice: empty or "none" is no deadline; otherwise one of <see cref="Durations"/>.</summary>
    public static bool TryParseDuration(string? text, out int? minutes)
    {
        minutes = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed == "none")
        {
            return true;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && Durations.Contains(value))
        {
            minutes = value;
            return true;
        }

        return false;
    }
}
