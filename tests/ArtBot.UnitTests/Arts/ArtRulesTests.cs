using ArtBot.Domain.Arts;

namespace ArtBot.UnitTests.Arts;

public sealed class ArtRulesTests
{
    private static readonly DateOnly From = new(2026, 11, 22);

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    [InlineData("UTC")]
    public void Iana_time_zones_are_known(string id) => Assert.True(ArtRules.CheckTimeZone(id).IsValid);

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void Unknown_time_zones_are_refused_with_a_hint(string id)
    {
        var result = ArtRules.CheckTimeZone(id);

        Assert.False(result.IsValid);
        Assert.Contains("Europe/Berlin", result.Error);
    }

    [Theory]
    [InlineData("monday", DayOfWeek.Monday)]
    [InlineData("Wed", DayOfWeek.Wednesday)]
    [InlineData(" SUNDAY ", DayOfWeek.Sunday)]
    public void Days_are_read_in_full_or_short(string text, DayOfWeek day) => Assert.Equal(day, ArtRules.CheckDay(text).Value);

    [Theory]
    [InlineData("Funday")]
    [InlineData("Mo")]
    [InlineData("8")]
    [InlineData("")]
    public void Anything_but_monday_to_sunday_is_refused(string text) => Assert.Contains("Monday to Sunday", ArtRules.CheckDay(text).Error);

    [Theory]
    [InlineData("10:00", 10, 0)]
    [InlineData("9:30", 9, 30)]
    public void Times_are_24_hour(string text, int hour, int minute) => Assert.Equal(new TimeOnly(hour, minute), ArtRules.CheckTime(text).Value);

    [Theory]
    [InlineData("25:00")]
    [InlineData("10am")]
    [InlineData("")]
    public void Bad_times_are_refused(string text) => Assert.False(ArtRules.CheckTime(text).IsValid);

    [Fact]
    public void A_sync_time_skipped_by_a_spring_forward_is_refused()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var error = ArtRules.CheckSyncTime(DayOfWeek.Sunday, new TimeOnly(2, 30), berlin, From);

        Assert.Contains("2027-03-28", error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void A_sync_time_repeated_by_a_fall_back_is_refused()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var error = ArtRules.CheckSyncTime(DayOfWeek.Sunday, new TimeOnly(1, 30), newYork, From);

        Assert.Contains("happens twice", error);
    }

    [Fact]
    public void Ordinary_sync_times_pass_in_every_zone()
    {
        foreach (var id in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney" })
        {
            Assert.Null(ArtRules.CheckSyncTime(DayOfWeek.Sunday, new TimeOnly(10, 0), TimeZoneInfo.FindSystemTimeZoneById(id), From));
        }
    }

    [Fact]
    public void Names_are_cleaned_and_limited()
    {
        Assert.Equal("Rocket ART", ArtRules.CheckName("  <b>Rocket</b>\n ART ", "ART").Value);
        Assert.Contains("5000 characters", ArtRules.CheckName(new string('x', 5000), "team").Error);
        Assert.False(ArtRules.CheckName("   ", "ART").IsValid);
    }

    [Theory]
    [InlineData("2027-03-01", "2027-01-04", "end after it starts")]
    [InlineData("2027-01-04", "2027-06-30", "16 weeks")]
    [InlineData("04/01/2027", "2027-03-12", "yyyy-MM-dd")]
    public void Bad_pis_are_refused(string start, string end, string expected) =>
        Assert.Contains(expected, ArtRules.CheckPi("PI 2027.1", start, end).Error);

    [Fact]
    public void A_pi_is_read()
    {
        var pi = ArtRules.CheckPi("PI 2027.1", "2027-01-04", "2027-03-12").Value;

        Assert.Equal(new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 12)), pi);
        Assert.True(pi.Contains(new DateOnly(2027, 3, 12)));
        Assert.False(pi.Contains(new DateOnly(2027, 3, 13)));
    }
}
