using System.Globalization;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Arts;

/// <summary>
/// The ART settings form's fields, as submitted (all text), and their validation into settings. Every field is
/// checked before anything is saved; the first problem is reported and the form is shown again with the values.
/// </summary>
public sealed record ArtForm
{
    /// <summary>Lead times offered (minutes before the sync); 0 turns reminders off.</summary>
    public static readonly IReadOnlyList<int> PromptLeads = [60, 240, 1440, 2880];
    public static readonly IReadOnlyList<int> ReminderLeads = [0, 30, 60, 120, 240, 1440];

    public string? Name { get; init; }
    public string? PiName { get; init; }
    public string? PiStart { get; init; }
    public string? PiEnd { get; init; }
    public string? Day { get; init; }
    public string? Time { get; init; }
    public string? TimeZone { get; init; }
    public string? PromptLead { get; init; }
    public string? ReminderLead { get; init; }
    public string? Summary { get; init; }
    public bool NameNonResponders { get; init; }
    public string? IterationWeeks { get; init; }
    /// <summary>Null when the form did not carry the field (a form from before it existed): the default.</summary>
    public bool? IpIteration { get; init; }
    /// <summary>The two-letter code of the ART's card language (<c>de</c>).</summary>
    public string? Language { get; init; }

    /// <summary>The form as submitted.</summary>
    public static ArtForm Read(ArtSaveData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new()
        {
            Name = data.Name,
            PiName = data.PiName,
            PiStart = data.PiStart,
            PiEnd = data.PiEnd,
            Day = data.Day,
            Time = data.Time,
            TimeZone = data.TimeZone,
            PromptLead = data.PromptLead,
            ReminderLead = data.ReminderLead,
            Summary = data.Summary,
            NameNonResponders = CardData.IsOn(data.NameNonResponders),
            IterationWeeks = data.IterationWeeks,
            IpIteration = data.IpIteration is null ? null : CardData.IsOn(data.IpIteration),
            Language = data.Language,
        };
    }

    /// <summary>The form showing an ART's current settings.</summary>
    public static ArtForm From(Art art) => new()
    {
        Name = art.Name,
        PiName = art.CurrentPi?.Name,
        PiStart = art.CurrentPi?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PiEnd = art.CurrentPi?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Day = art.Sync.Day.ToString(),
        Time = art.Sync.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZone = art.Sync.TimeZoneId,
        PromptLead = Minutes(art.Sync.PromptLead),
        ReminderLead = art.Sync.RemindersOn ? Minutes(art.Sync.ReminderLead) : "0",
        Summary = art.SummaryConversationId,
        NameNonResponders = art.NameNonResponders,
        IterationWeeks = art.Cadence.Weeks.ToString(CultureInfo.InvariantCulture),
        IpIteration = art.Cadence.LastIsIp,
        Language = art.Language is { } language ? Languages.Resolve(language).TwoLetterISOLanguageName : null,
    };

    /// <summary>Checks every field; <paramref name="today"/> is the first day checked for daylight-saving problems.</summary>
    public ArtSettingsCheck Check(DateOnly today, IReadOnlyCollection<string> summaryChannels)
    {
        var name = ArtRules.CheckName(Name, "ART");
        if (!name.IsValid)
        {
            return ArtSettingsCheck.Fail(name.Error!);
        }

        ProgramIncrement? pi = null;
        if (!string.IsNullOrWhiteSpace(PiName) || !string.IsNullOrWhiteSpace(PiStart) || !string.IsNullOrWhiteSpace(PiEnd))
        {
            var checkedPi = ArtRules.CheckPi(PiName, PiStart, PiEnd);
            if (!checkedPi.IsValid)
            {
                return ArtSettingsCheck.Fail(checkedPi.Error!);
            }

            pi = checkedPi.Value;
        }

        var day = ArtRules.CheckDay(Day);
        var time = ArtRules.CheckTime(Time);
        var zone = ArtRules.CheckTimeZone(TimeZone);
        if ((day.Error ?? time.Error ?? zone.Error) is { } error)
        {
            return ArtSettingsCheck.Fail(error);
        }

        if (ArtRules.CheckSyncTime(day.Value, time.Value, zone.Value, today) is { } dstError)
        {
            return ArtSettingsCheck.Fail(dstError);
        }

        if (!TryLead(PromptLead, PromptLeads, out var promptLead) || !TryLead(ReminderLead, ReminderLeads, out var reminderLead))
        {
            return ArtSettingsCheck.Fail(ArtStrings.FormErrorPickLeads);
        }

        if (reminderLead >= promptLead)
        {
            return ArtSettingsCheck.Fail(ArtStrings.FormErrorReminderAfterPrompt);
        }

        if (Summary is not { Length: > 0 } summary || !summaryChannels.Contains(summary))
        {
            return ArtSettingsCheck.Fail(ArtStrings.FormErrorPickSummaryChannel);
        }

        var weeks = IterationCadence.Default.Weeks;
        if (IterationWeeks is not null
            && (!int.TryParse(IterationWeeks, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks is < IterationCadence.MinWeeks or > IterationCadence.MaxWeeks))
        {
            return ArtSettingsCheck.Fail(Localized.Format(ArtStrings.FormErrorPickIterationLength, IterationCadence.MinWeeks, IterationCadence.MaxWeeks));
        }

        var cadence = new IterationCadence(weeks, IpIteration ?? IterationCadence.Default.LastIsIp);
        string? language = null;
        if (Language is { Length: > 0 } code)
        {
            if (!Languages.Supported.Contains(code))
            {
                return ArtSettingsCheck.Fail(ArtStrings.FormErrorLanguage);
            }

            // The chooser's own formats when it is their language (de-AT stays de-AT), else the language's usual ones.
            language = Languages.Resolve(code == Localized.Culture.TwoLetterISOLanguageName ? Localized.Culture.Name : code).Name;
        }

        var sync = new SyncSchedule(day.Value, time.Value, zone.Value.Id)
        {
            PromptLead = TimeSpan.FromMinutes(promptLead),
            ReminderLead = TimeSpan.FromMinutes(reminderLead == 0 ? ReminderLeads[1] : reminderLead),
            RemindersOn = reminderLead > 0,
        };
        return new ArtSettingsCheck(new ArtSettings(name.Value, pi, sync, summary, NameNonResponders, cadence, language), null);
    }

    private static bool TryLead(string? text, IReadOnlyList<int> allowed, out int minutes) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) && allowed.Contains(minutes);

    private static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the settings form sets on an ART.</summary>
/// <param name="Language">The culture name of the ART's cards; null when the form had no language (kept as it is).</param>
public sealed record ArtSettings(string Name, ProgramIncrement? Pi, SyncSchedule Sync, string SummaryConversationId, bool NameNonResponders, IterationCadence Cadence, string? Language);

/// <summary>The checked form: settings, or the first problem found.</summary>
public sealed record ArtSettingsCheck(ArtSettings? Settings, string? Error)
{
    public static ArtSettingsCheck Fail(string error) => new(null, error);
}
