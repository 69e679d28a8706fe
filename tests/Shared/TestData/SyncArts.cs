using ArtBot.Domain.Arts;
using ArtBot.Domain.People;

namespace ArtBot.Tests.Shared;

/// <summary>ARTs for the sync tests.</summary>
public static class SyncArts
{
    public static Art Create(string zone, DayOfWeek day, string time, ProgramIncrement? pi = null, IReadOnlyList<DateOnly>? skipped = null,
        TimeSpan? promptLead = null, TimeSpan? reminderLead = null, bool remindersOn = true) => new()
    {
        Id = "art1",
        TenantId = "tenant1",
        Name = "Rocket ART",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.example/",
        SummaryConversationId = "19:home@thread.tacv2",
        CurrentPi = pi,
        Sync = new SyncSchedule(day, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone)
        {
            PromptLead = promptLead ?? TimeSpan.FromDays(1),
            ReminderLead = reminderLead ?? TimeSpan.FromHours(2),
            RemindersOn = remindersOn,
        },
        Rtes = [new Person("rte-aad", "Rita RTE")],
        SkippedDates = skipped ?? [],
        CreatedBy = new Person("rte-aad", "Rita RTE"),
    };

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
