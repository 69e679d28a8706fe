using System.Text.RegularExpressions;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.Sync;

/// <summary>The pure rules of a check-in answer: option values, text lengths, the "needs help" flags.</summary>
public static partial class CheckInRules
{
    public const int MaxTextLength = 1000;
    public const int ItemSlots = 3;

    public const string OnTrackValue = "on-track";
    public const string AtRiskValue = "at-risk";
    public const string OffTrackValue = "off-track";

    public static string ValueOf(ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.OnTrack => OnTrackValue,
        ObjectiveStatus.AtRisk => AtRiskValue,
        _ => OffTrackValue,
    };

    public static string Describe(ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.OnTrack => SyncRuleStrings.StatusOnTrack,
        ObjectiveStatus.AtRisk => SyncRuleStrings.StatusAtRisk,
        _ => SyncRuleStrings.StatusOffTrack,
    };

    /// <summary>One of <c>on-track</c>, <c>at-risk</c>, <c>off-track</c>; anything else is refused.</summary>
    public static bool TryParseStatus(string? value, out ObjectiveStatus status)
    {
        switch (value)
        {
            case OnTrackValue: status = ObjectiveStatus.OnTrack; return true;
            case AtRiskValue: status = ObjectiveStatus.AtRisk; return true;
            case OffTrackValue: status = ObjectiveStatus.OffTrack; return true;
            default: status = default; return false;
        }
    }

    /// <summary>A toggle's value: <c>true</c>/<c>false</c> (missing is false); anything else is refused.</summary>
    public static bool TryParseFlag(string? value, out bool flag)
    {
        switch (value)
        {
            case null or "" or "false": flag = false; return true;
            case "true": flag = true; return true;
            default: flag = false; return false;
        }
    }

    /// <summary>
    /// Free text: tags removed, control characters and runs of spaces collapsed (new lines kept), at most 1,000 characters.
    /// <paramref name="what"/> names the text in English ("progress", "milestones text", "blocker", "dependency"), so the
    /// refusal is a whole sentence in the reader's language.
    /// </summary>
    public static (string? Text, string? Error) CheckText(string? text, string what)
    {
        var clean = HtmlTag().Replace(text ?? "", " ");
        clean = ControlCharacters().Replace(clean, " ");
        clean = Spaces().Replace(clean, " ").Trim();
        return clean.Length > MaxTextLength
            ? (null, what switch
            {
                "progress" => Localized.Format(SyncRuleStrings.TextTooLongProgress, clean.Length, MaxTextLength),
                "milestones text" => Localized.Format(SyncRuleStrings.TextTooLongMilestones, clean.Length, MaxTextLength),
                "blocker" => Localized.Format(SyncRuleStrings.TextTooLongBlocker, clean.Length, MaxTextLength),
                "dependency" => Localized.Format(SyncRuleStrings.TextTooLongDependency, clean.Length, MaxTextLength),
                _ => Localized.Format(SyncRuleStrings.TextTooLongOther, what, clean.Length, MaxTextLength),
            })
            : (clean, null);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"[\p{Cc}-[\n]]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
