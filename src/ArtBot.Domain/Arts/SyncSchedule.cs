namespace ArtBot.Domain.Arts;

/// <summary>
/// When the weekly ART sync happens, in the ART's own IANA time zone. The check-in prompt goes to every team
/// <see cref="PromptLead"/> before the sync, reminders <see cref="ReminderLead"/> before it, the summary at sync time.
/// </summary>
public sealed record SyncSchedule(DayOfWeek Day, TimeOnly Time, string TimeZoneId)
{
    public TimeSpan PromptLead { get; init; } = TimeSpan.FromDays(1);
    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(2);
    /// <summary>Reminders can be turned off (channel noise).</summary>
    public bool RemindersOn { get; init; } = true;
}
