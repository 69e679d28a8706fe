using System.Globalization;
using ArtBot.Domain.Text;

namespace ArtBot.UnitTests.Localization;

/// <summary>Which language a Teams locale gets, and how dates, numbers and times read in it.</summary>
public sealed class LanguagesTests
{
    [Theory]
    [InlineData("de-DE", "de-DE")]
    [InlineData("de-AT", "de-AT")]
    [InlineData("de-CH", "de-CH")]
    [InlineData("de", "de-DE")]
    [InlineData("fr-CA", "fr-CA")]
    [InlineData("es-MX", "es-MX")]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("en_US", "en-US")]
    [InlineData("ja-JP", "en-US")]
    [InlineData("qps-ploc", "en-US")]
    [InlineData("not a locale!", "en-US")]
    [InlineData("", "en-US")]
    [InlineData(null, "en-US")]
    public void A_locale_gets_its_own_culture_when_ArtBot_speaks_its_language_else_English(string? locale, string expected)
    {
        Assert.Equal(expected, Languages.Resolve(locale).Name);
    }

    [Fact]
    public void German_reads_dates_times_and_numbers_the_German_way_with_the_zone_named()
    {
        var berlin = TimeZones.Find("Europe/Berlin")!;
        using var german = Localized.Use(Languages.Resolve("de-DE"), berlin);
        var instant = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("Fr., 4. Dez. 2026, 10:00 Europe/Berlin", Localized.WeekdayDateTime(instant));
        Assert.Equal("3,8", Localized.Number(3.84));
        Assert.Equal("88 %", Localized.Percent(0.88).Replace('\u00A0', ' '));
        Assert.Equal("10:00 Europe/Berlin", Localized.Time(instant));
    }

    [Fact]
    public void English_keeps_the_apps_own_patterns_and_UTC_when_no_zone_is_known()
    {
        using var english = Localized.Use(Languages.English, TimeZoneInfo.Utc);
        var instant = new DateTimeOffset(2026, 12, 3, 7, 34, 0, TimeSpan.Zero);

        Assert.Equal("3 Dec 2026 07:34 UTC", Localized.DateTime(instant));
        Assert.Equal("3.8", Localized.Number(3.84));
        Assert.Equal("88%", Localized.Percent(0.88));
        Assert.Equal("A, B and C", Localized.List(["A", "B", "C"]));
    }

    [Fact]
    public void A_shared_cards_locale_comes_back_after_use_and_an_unknown_zone_falls_back_to_UTC()
    {
        using var reader = Localized.Use(Languages.Resolve("fr-FR"), TimeZones.Find("Europe/Paris"));

        using (new CardLocale("es-ES", "Mars/Olympus").Use())
        {
            Assert.Equal("es-ES", CultureInfo.CurrentUICulture.Name);
            Assert.Equal("UTC", Localized.ZoneName);
        }

        Assert.Equal("fr-FR", CultureInfo.CurrentUICulture.Name);
        Assert.Equal("Europe/Paris", Localized.ZoneName);
    }

    [Fact]
    public void History_values_stored_in_English_read_in_the_readers_language_and_unknown_ones_as_stored()
    {
        using var german = Localized.Use(Languages.Resolve("de-DE"));

        Assert.Equal(ArtBot.Domain.Improvements.ImprovementRules.Describe(ArtBot.Domain.Improvements.ImprovementStatus.InProgress),
            ArtBot.Domain.Improvements.ImprovementRules.DescribeStored("In progress"));
        Assert.NotEqual("In progress", ArtBot.Domain.Improvements.ImprovementRules.DescribeStored("In progress"));
        Assert.Equal("unverbindlich", ArtBot.Domain.Planning.ObjectiveRules.DescribeStoredCommitment("uncommitted"));
        Assert.Equal("Something else", ArtBot.Domain.Improvements.ImprovementRules.DescribeStored("Something else"));
    }
}
