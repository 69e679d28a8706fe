using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using ArtBot.Domain.Text;

namespace ArtBot.Domain.Impediments;

/// <summary>The pure rules of impediment text and values: clean-up, limits, parsing, age.</summary>
public static class ImpedimentRules
{
    public const int MaxTitleLength = 200;

    /// <summary>A title for an impediment raised from other text (a concern, a blocker, a dependency): cut to <see cref="MaxTitleLength"/>.</summary>
    public static string FitTitle(string text) => PlainText.Shorten(text, MaxTitleLength);
    public const int MaxDescriptionLength = 4000;
    public const int MaxNoteLength = 1000;
    public const int MaxTeamNameLength = 100;

    /// <summary>Titles made from longer text are cut at a word near this length.</summary>
    public const int DerivedTitleLength = 120;

    /// <summary>
    /// Reads <c>impediment &lt;text&gt;</c>: the first line (or sentence) becomes the title, the whole text the
    /// description when it says more. Refused when empty or longer than <see cref="MaxDescriptionLength"/>.
    /// </summary>
    public static TextCheck<(string Title, string Description)> CheckCommandText(string? text)
    {
        var plain = PlainText.FromHtml(text);
        if (plain.Length == 0)
        {
            return TextCheck.Refused<(string, string)>(ImpedimentRuleStrings.CommandTextEmpty);
        }

        if (plain.Length > MaxDescriptionLength)
        {
            return TextCheck.Refused<(string, string)>(Localized.Format(ImpedimentRuleStrings.TextTooLong, plain.Length, MaxDescriptionLength));
        }

        var title = DeriveTitle(plain);
        var description = string.Equals(PlainText.Collapse(plain), title, StringComparison.Ordinal) ? "" : plain;
        return TextCheck.Ok<(string, string)>((title, description));
    }

    /// <summary>A title: required, plain text, at most <see cref="MaxTitleLength"/> characters.</summary>
    public static TextCheck<string> CheckTitle(string? text)
    {
        var plain = PlainText.Collapse(PlainText.FromHtml(text));
        return plain.Length switch
        {
            0 => TextCheck.Refused<string>(ImpedimentRuleStrings.TitleEmpty),
            > MaxTitleLength => TextCheck.Refused<string>(Localized.Format(ImpedimentRuleStrings.TitleTooLong, plain.Length, MaxTitleLength)),
            _ => TextCheck.Ok<string>(plain),
        };
    }

    /// <summary>A description: optional, plain text (line breaks kept), at most <see cref="MaxDescriptionLength"/> characters.</summary>
    public static TextCheck<string> CheckDescription(string? text)
    {
        var plain = PlainText.FromHtml(text);
        return plain.Length > MaxDescriptionLength
            ? TextCheck.Refused<string>(Localized.Format(ImpedimentRuleStrings.DescriptionTooLong, plain.Length, MaxDescriptionLength))
            : TextCheck.Ok<string>(plain);
    }

    /// <summary>A resolution note: required, at most <see cref="MaxNoteLength"/> characters.</summary>
    public static TextCheck<string> CheckNote(string? text)
    {
        var plain = PlainText.FromHtml(text);
        return plain.Length switch
        {
            0 => TextCheck.Refused<string>(ImpedimentRuleStrings.NoteEmpty),
            > MaxNoteLength => TextCheck.Refused<string>(Localized.Format(ImpedimentRuleStrings.NoteTooLong, MaxNoteLength)),
            _ => TextCheck.Ok<string>(plain),
        };
    }

    /// <summary>An optional team name (one line, at most <see cref="MaxTeamNameLength"/>); empty means none.</summary>
    public static TextCheck<string?> CheckTeamName(string? text)
    {
        var plain = PlainText.Collapse(PlainText.FromHtml(text));
        return plain.Length > MaxTeamNameLength
            ? TextCheck.Refused<string?>(Localized.Format(ImpedimentRuleStrings.TeamNameTooLong, MaxTeamNameLength))
            : TextCheck.Ok<string?>(plain.Length == 0 ? null : plain);
    }

    /// <summary>The first line or sentence, cut at a word boundary near <see cref="DerivedTitleLength"/>.</summary>
    public static string DeriveTitle(string plain)
    {
        var firstLine = plain.Split('\n', 2)[0].Trim();
        var sentenceEnd = firstLine.IndexOfAny(['.', '!', '?']);
        if (sentenceEnd > 20 && sentenceEnd < firstLine.Length - 1)
        {
            firstLine = firstLine[..(sentenceEnd + 1)];
        }

        if (firstLine.Length <= DerivedTitleLength)
        {
            return firstLine;
        }

        var cut = firstLine.LastIndexOf(' ', DerivedTitleLength);
        return (cut > DerivedTitleLength / 2 ? firstLine[..cut] : firstLine[..DerivedTitleLength]).TrimEnd() + "\u2026";
    }

    /// <summary>Reads a ROAM status by name or initial (case-insensitive): resolved|r, owned|o, accepted|a, mitigated|m.</summary>
    public static bool TryParseRoam(string? text, out RoamStatus roam)
    {
        roam = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "resolved" or "r": roam = RoamStatus.Resolved; return true;
            case "owned" or "o": roam = RoamStatus.Owned; return true;
            case "accepted" or "a": roam = RoamStatus.Accepted; return true;
            case "mitigated" or "m": roam = RoamStatus.Mitigated; return true;
            default: return false;
        }
    }

    public static bool TryParseKind(string? text, out ImpedimentKind kind)
    {
        kind = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "impediment": kind = ImpedimentKind.Impediment; return true;
            case "risk": kind = ImpedimentKind.Risk; return true;
            default: return false;
        }
    }

    public static bool TryParseSeverity(string? text, out Severity severity)
    {
        severity = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low": severity = Severity.Low; return true;
            case "medium": severity = Severity.Medium; return true;
            case "high": severity = Severity.High; return true;
            case "critical": severity = Severity.Critical; return true;
            default: return false;
        }
    }

    /// <summary>A ROAM status in the reader's language ("Owned", "Übernommen").</summary>
    public static string Describe(RoamStatus roam) => roam switch
    {
        RoamStatus.Resolved => ImpedimentRuleStrings.RoamResolved,
        RoamStatus.Owned => ImpedimentRuleStrings.RoamOwned,
        RoamStatus.Accepted => ImpedimentRuleStrings.RoamAccepted,
        RoamStatus.Mitigated => ImpedimentRuleStrings.RoamMitigated,
        _ => throw new ArgumentOutOfRangeException(nameof(roam)),
    };

    /// <summary>The wire/card value of an enum member: lower case name.</summary>
    public static string Value<T>(T member) where T : struct, Enum => member.ToString().ToLowerInvariant();

    /// <summary>"just now", "5 minutes", "3 hours", "1 day", "12 days".</summary>
    public static string DescribeAge(TimeSpan age)
    {
        static string Plural(int n, string one, string other) =>
            n == 1 ? one : Localized.Format(other, n.ToString(CultureInfo.InvariantCulture));
        return age switch
        {
            { TotalMinutes: < 1 } => ImpedimentRuleStrings.AgeJustNow,
            { TotalHours: < 1 } => Plural((int)age.TotalMinutes, ImpedimentRuleStrings.AgeMinutesOne, ImpedimentRuleStrings.AgeMinutesOther),
            { TotalDays: < 1 } => Plural((int)age.TotalHours, ImpedimentRuleStrings.AgeHoursOne, ImpedimentRuleStrings.AgeHoursOther),
            _ => Plural((int)age.TotalDays, ImpedimentRuleStrings.AgeDaysOne, ImpedimentRuleStrings.AgeDaysOther),
        };
    }

    /// <summary>True when an open impediment is older than <paramref name="days"/> (ageing: surfaces in ART sync).</summary>
    public static bool IsAgeing(Impediment impediment, DateTimeOffset now, int days) =>
        impediment.IsOpen && impediment.Age(now) > TimeSpan.FromDays(days);





}

/// <summary>A checked input: the clean value, or why it was refused.</summary>
public sealed record TextCheck<T>(T? Value, string? Error)
{
    public bool IsOk => Error is null;
}

/// <summary>Builds <see cref="TextCheck{T}"/> answers.</summary>
public static class TextCheck
{
    public static TextCheck<T> Ok<T>(T value) => new(value, null);

    public static TextCheck<T> Refused<T>(string error) => new(default, error);
}
