using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using static ArtBot.Tests.Shared.SyncArts;

namespace ArtBot.UnitTests.Sync;

public sealed class SyncCalendarTests
{
    public static TheoryData<string, DayOfWeek, string> EveryZoneDayAndTime()
    {
        var data = new TheoryData<string, DayOfWeek, string>();
        foreach (var zone in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney" })
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                foreach (var time in new[] { "00:00", "01:30", "09:00", "10:00", "16:45", "23:59" })
                {
                    data.Add(zone, day, time);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryZoneDayAndTime))]
    public void Every_sync_for_two_years_is_on_its_weekday_at_its_local_time_whatever_the_offset(string zoneId, DayOfWeek day, string time)
    {
        var art = Create(zoneId, day, time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var expected = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var offsets = new HashSet<TimeSpan>();

        var occurrences = SyncCalendar.Enumerate(art, new DateOnly(2026, 12, 28), 105).ToList();

        Assert.Equal(105, occurrences.Count);
        foreach (var occurrence in occurrences)
        {
            var local = TimeZoneInfo.ConvertTime(occurrence.SyncAt, zone);
            Assert.Equal(day, local.DayOfWeek);
            Assert.Equal(occurrence.Date, DateOnly.FromDateTime(local.DateTime));
            Assert.Equal(expected, TimeOnly.FromDateTime(local.DateTime));
            Assert.True(occurrence.PromptAt < occurrence.SyncAt);
            Assert.True(occurrence.ReminderAt > occurrence.PromptAt && occurrence.ReminderAt < occurrence.SyncAt);
            Assert.Equal(occurrence.SyncAt - TimeSpan.FromHours(2), occurrence.ReminderAt);
            offsets.Add(local.Offset);
        }

        Assert.Equal(2, offsets.Count); // both the summer and the winter offset were crossed
    }

    [Theory]
    [MemberData(nameof(EveryZoneDayAndTime))]
    public void The_prompt_is_the_same_wall_clock_time_one_day_before_even_across_a_clock_change(string zoneId, DayOfWeek day, string time)
    {
        var art = Create(zoneId, day, time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        foreach (var occurrence in SyncCalendar.Enumerate(art, new DateOnly(2026, 12, 28), 105))
        {
            var promptLocal = TimeZoneInfo.ConvertTime(occurrence.PromptAt, zone).DateTime;
            var wanted = occurrence.Date.AddDays(-1).ToDateTime(art.Sync.Time);
            if (!zone.IsInvalidTime(wanted))
            {
                Assert.Equal(wanted, promptLocal);
            }
            else
            {
                Assert.Equal(wanted.AddHours(1), promptLocal); // a skipped wall-clock time moves forward by the gap
            }
        }
    }

    [Fact]
    public void Berlin_spring_forward_moves_the_utc_instant_not_the_local_hour_and_a_lead_across_the_change_is_23_hours()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00");

        var before = SyncCalendar.On(art, new DateOnly(2027, 3, 22))!;
        var after = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;

        Assert.Equal(Utc(2027, 3, 22, 9), before.SyncAt);   // CET, +01:00
        Assert.Equal(Utc(2027, 3, 21, 9), before.PromptAt);
        Assert.Equal(Utc(2027, 3, 29, 8), after.SyncAt);    // CEST, +02:00
        Assert.Equal(Utc(2027, 3, 28, 8), after.PromptAt);  // Sunday 10:00 CEST, after the 01:00 UTC jump
        Assert.Equal(Utc(2027, 3, 29, 6), after.ReminderAt);
        Assert.Equal(TimeSpan.FromHours(24), after.SyncAt - after.PromptAt);

        var sunday = SyncCalendar.On(Create("Europe/Berlin", DayOfWeek.Sunday, "10:00"), new DateOnly(2027, 3, 28))!;
        Assert.Equal(Utc(2027, 3, 27, 9), sunday.PromptAt); // Saturday 10:00 CET
        Assert.Equal(TimeSpan.FromHours(23), sunday.SyncAt - sunday.PromptAt);
    }

    [Fact]
    public void Berlin_fall_back_a_sunday_sync_on_the_change_day_is_at_ten_local()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Sunday, "10:00");

        var changeDay = SyncCalendar.On(art, new DateOnly(2027, 10, 31))!;
        var weekBefore = SyncCalendar.On(art, new DateOnly(2027, 10, 24))!;

        Assert.Equal(Utc(2027, 10, 24, 8), weekBefore.SyncAt);
        Assert.Equal(Utc(2027, 10, 31, 9), changeDay.SyncAt);
        Assert.Equal(Utc(2027, 10, 30, 8), changeDay.PromptAt); // Saturday 10:00 CEST: 25 hours before the sync
    }

    [Fact]
    public void New_York_spring_forward_and_fall_back()
    {
        var art = Create("America/New_York", DayOfWeek.Sunday, "09:00");

        Assert.Equal(Utc(2027, 3, 7, 14), SyncCalendar.On(art, new DateOnly(2027, 3, 7))!.SyncAt);    // EST -05:00
        Assert.Equal(Utc(2027, 3, 14, 13), SyncCalendar.On(art, new DateOnly(2027, 3, 14))!.SyncAt);  // EDT -04:00, change day
        Assert.Equal(Utc(2027, 11, 7, 14), SyncCalendar.On(art, new DateOnly(2027, 11, 7))!.SyncAt);  // EST again, change day
        Assert.Equal(Utc(2027, 3, 13, 14), SyncCalendar.On(art, new DateOnly(2027, 3, 14))!.PromptAt); // Saturday 09:00 EST
    }

    [Fact]
    public void Sydney_clocks_go_back_in_april_and_forward_in_october()
    {
        var art = Create("Australia/Sydney", DayOfWeek.Monday, "09:00");

        Assert.Equal(Utc(2027, 3, 28, 22), SyncCalendar.On(art, new DateOnly(2027, 3, 29))!.SyncAt); // AEDT +11:00
        var april = SyncCalendar.On(art, new DateOnly(2027, 4, 5))!;
        Assert.Equal(Utc(2027, 4, 4, 23), april.SyncAt);    // AEST +10:00
        Assert.Equal(Utc(2027, 4, 3, 23), april.PromptAt);   // Sunday 09:00 AEST (the change was at 03:00 that night)
        Assert.Equal(Utc(2027, 10, 3, 22), SyncCalendar.On(art, new DateOnly(2027, 10, 4))!.SyncAt); // AEDT again
    }

    [Fact]
    public void A_lead_landing_in_the_spring_gap_moves_forward_and_one_landing_twice_takes_the_first()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "02:30");

        var spring = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var autumn = SyncCalendar.On(art, new DateOnly(2027, 11, 1))!;

        Assert.Equal(Utc(2027, 3, 28, 1, 30), spring.PromptAt);  // 02:30 does not exist: 03:30 CEST
        Assert.Equal(Utc(2027, 10, 31, 0, 30), autumn.PromptAt); // 02:30 happens twice: the first, CEST
    }

    [Theory]
    [InlineData("Europe/Berlin", 2027, 3, 28, "02:30", 2027, 3, 28, 1, 30)]
    [InlineData("Europe/Berlin", 2027, 10, 31, "02:30", 2027, 10, 31, 0, 30)]
    [InlineData("America/New_York", 2027, 3, 14, "02:15", 2027, 3, 14, 7, 15)]
    [InlineData("America/New_York", 2027, 11, 7, "01:15", 2027, 11, 7, 5, 15)]
    [InlineData("Australia/Sydney", 2027, 10, 3, "02:30", 2027, 10, 2, 16, 30)]
    [InlineData("Australia/Sydney", 2027, 4, 4, "02:30", 2027, 4, 3, 15, 30)]
    public void Skipped_and_repeated_wall_clock_times_map_to_one_instant(
        string zone, int y, int m, int d, string time, int ey, int em, int ed, int eh, int emin)
    {
        var local = new DateOnly(y, m, d).ToDateTime(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        var instant = SyncCalendar.ToInstant(local, TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(Utc(ey, em, ed, eh, emin), instant);
    }

    [Fact]
    public void Skipped_dates_have_no_sync_and_next_moves_to_the_following_week()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00", skipped: [new DateOnly(2027, 3, 29)]);

        Assert.Null(SyncCalendar.On(art, new DateOnly(2027, 3, 29)));
        Assert.NotNull(SyncCalendar.Scheduled(art, new DateOnly(2027, 3, 29)));
        Assert.Equal(new DateOnly(2027, 4, 5), SyncCalendar.Next(art, Utc(2027, 3, 23, 12))!.Date);
        Assert.Empty(SyncCalendar.Active(art, Utc(2027, 3, 28, 12))); // the prompt of a skipped date never comes
    }

    [Fact]
    public void Dates_outside_the_current_pi_have_no_sync()
    {
        var pi = new ProgramIncrement("PI 2027.2", new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 10));
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00", pi: pi);

        Assert.Null(SyncCalendar.On(art, new DateOnly(2027, 3, 29)));
        Assert.Equal(new DateOnly(2027, 4, 5), SyncCalendar.Next(art, Utc(2027, 3, 20, 0))!.Date);
        Assert.Equal(new DateOnly(2027, 6, 7), SyncCalendar.Enumerate(art, new DateOnly(2027, 1, 1), 52).Last().Date);
        Assert.Null(SyncCalendar.Next(art, Utc(2027, 6, 8, 0)));
        Assert.Null(SyncCalendar.Current(art, Utc(2027, 6, 8, 0)));
    }

    [Fact]
    public void A_date_on_another_weekday_is_no_occurrence()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00");

        Assert.Null(SyncCalendar.On(art, new DateOnly(2027, 3, 30)));
        Assert.Null(SyncCalendar.Scheduled(art, new DateOnly(2027, 3, 30)));
    }

    [Fact]
    public void Active_runs_from_the_prompt_to_six_hours_after_the_sync_and_answers_close_an_hour_after_it()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00");
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;

        Assert.Empty(SyncCalendar.Active(art, occurrence.PromptAt.AddTicks(-1)));
        Assert.Equal(occurrence, Assert.Single(SyncCalendar.Active(art, occurrence.PromptAt)));
        Assert.Single(SyncCalendar.Active(art, occurrence.SyncAt + TimeSpan.FromHours(5)));
        Assert.Empty(SyncCalendar.Active(art, occurrence.SyncAt + SyncCalendar.SummaryCatchUp));

        Assert.True(occurrence.AcceptsAnswersAt(occurrence.SyncAt.AddMinutes(59)));
        Assert.False(occurrence.AcceptsAnswersAt(occurrence.SyncAt.AddMinutes(60)));
        Assert.Equal(occurrence, SyncCalendar.Current(art, occurrence.SyncAt.AddMinutes(59)));
        Assert.Equal(new DateOnly(2027, 4, 5), SyncCalendar.Current(art, occurrence.SyncAt.AddMinutes(60))!.Date);
    }

    [Fact]
    public void Reminders_can_be_turned_off_and_a_reminder_before_the_prompt_is_dropped()
    {
        var off = Create("Europe/Berlin", DayOfWeek.Monday, "10:00", remindersOn: false);
        var early = Create("Europe/Berlin", DayOfWeek.Monday, "10:00", promptLead: TimeSpan.FromHours(1), reminderLead: TimeSpan.FromHours(3));

        Assert.Null(SyncCalendar.On(off, new DateOnly(2027, 3, 29))!.ReminderAt);
        Assert.Null(SyncCalendar.On(early, new DateOnly(2027, 3, 29))!.ReminderAt);
    }

    [Fact]
    public void A_lead_of_days_and_hours_counts_days_on_the_calendar_and_hours_as_elapsed_time()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00", promptLead: TimeSpan.FromHours(30));

        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;

        Assert.Equal(Utc(2027, 3, 28, 2), occurrence.PromptAt); // Sunday 10:00 CEST minus 6 hours
    }

    [Fact]
    public void The_occurrence_id_is_the_date_and_parses_back()
    {
        var art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00");
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;

        Assert.Equal("20270329", occurrence.Id);
        Assert.True(SyncCalendar.TryParseId(occurrence.Id, out var date));
        Assert.Equal(occurrence.Date, date);
        Assert.False(SyncCalendar.TryParseId("2027-03-29", out _));
        Assert.False(SyncCalendar.TryParseId("20271329", out _));
        Assert.False(SyncCalendar.TryParseId(null, out _));
    }
}
