using ArtBot.Features.Arts;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;

namespace ArtBot.UnitTests.Arts;

public sealed class ArtFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly string[] Channels = ["19:home@thread.tacv2", "19:summary@thread.tacv2"];

    private static ArtForm Valid => new()
    {
        Name = "Rocket ART", PiName = "PI 2027.1", PiStart = "2027-01-04", PiEnd = "2027-03-12", Day = "Wednesday", Time = "10:00",
        TimeZone = "Europe/Berlin", PromptLead = "1440", ReminderLead = "120", Summary = "19:summary@thread.tacv2", NameNonResponders = true,
    };

    [Fact]
    public void A_valid_form_gives_the_settings()
    {
        var settings = Valid.Check(Today, Channels).Settings!;

        Assert.Equal("Rocket ART", settings.Name);
        Assert.Equal(new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin") { PromptLead = TimeSpan.FromDays(1), ReminderLead = TimeSpan.FromHours(2) }, settings.Sync);
        Assert.Equal("19:summary@thread.tacv2", settings.SummaryConversationId);
        Assert.True(settings.NameNonResponders);
    }

    [Fact]
    public void No_reminder_turns_reminders_off()
    {
        Assert.False((Valid with { ReminderLead = "0" }).Check(Today, Channels).Settings!.Sync.RemindersOn);
    }

    [Fact]
    public void The_pi_is_optional()
    {
        Assert.Null((Valid with { PiName = "", PiStart = null, PiEnd = " " }).Check(Today, Channels).Settings!.Pi);
    }

    public static TheoryData<ArtForm, string> BadForms => new()
    {
        { Valid with { Name = " " }, "name" },
        { Valid with { TimeZone = "Atlantis/Capital" }, "time zone" },
        { Valid with { Day = "Caturday" }, "Monday to Sunday" },
        { Valid with { Time = "noon" }, "HH:mm" },
        { Valid with { Day = "Sunday", Time = "02:30" }, "does not exist" },
        { Valid with { PromptLead = "7" }, "from the lists" },
        { Valid with { ReminderLead = "1440", PromptLead = "240" }, "after the check-in prompt" },
        { Valid with { Summary = "19:elsewhere@thread.tacv2" }, "summary" },
        { Valid with { PiEnd = "2026-12-01" }, "end after it starts" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public void Bad_forms_are_refused_with_the_reason(ArtForm form, string expected)
    {
        var check = form.Check(Today, Channels);

        Assert.Null(check.Settings);
        Assert.Contains(expected, check.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_stored_art_fills_the_form_with_its_values()
    {
        var settings = Valid.Check(Today, Channels).Settings!;
        var art = new Art
        {
            Id = "a", TenantId = "t", Name = settings.Name, HomeConversationId = Channels[0], ServiceUrl = "https://x/", SummaryConversationId = settings.SummaryConversationId,
            CurrentPi = settings.Pi, Sync = settings.Sync, Rtes = [], CreatedBy = new Person("p", null), NameNonResponders = true,
        };

        Assert.Equal(Valid with { IterationWeeks = "2", IpIteration = true }, ArtForm.From(art));
    }

    [Fact]
    public void The_iteration_cadence_comes_from_the_form_and_defaults_to_two_weeks_with_an_ip_iteration()
    {
        Assert.Equal(IterationCadence.Default, Valid.Check(Today, Channels).Settings!.Cadence);
        Assert.Equal(new IterationCadence(3, LastIsIp: false), (Valid with { IterationWeeks = "3", IpIteration = false }).Check(Today, Channels).Settings!.Cadence);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("two")]
    public void An_iteration_length_outside_one_to_four_weeks_is_refused(string weeks)
    {
        var check = (Valid with { IterationWeeks = weeks }).Check(Today, Channels);

        Assert.Null(check.Settings);
        Assert.Contains("iteration length", check.Error, StringComparison.Ordinal);
    }
}
