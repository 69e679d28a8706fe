using ArtBot.Storage.Tables;

namespace ArtBot.UnitTests.Storage;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void StringsAreQuotedWithDoubledSingleQuotes() =>
        Assert.Equal("Name eq 'O''Neil' and X eq ''' or ''''='''",
            TableClient.CreateQueryFilter($"Name eq {"O'Neil"} and X eq {"' or ''='"}"));

    [Fact]
    public void TypedValuesUseODataLiterals()
    {
        var when = new DateTimeOffset(2024, 5, 6, 9, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal(
            "T eq datetime'2024-05-06T07:08:09.1234567Z' and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and L eq 5L and B eq true and F eq false and I eq -3 and Bin eq X'00ff10'",
            TableClient.CreateQueryFilter($"T eq {when} and G eq {id} and L eq {5L} and B eq {true} and F eq {false} and I eq {-3} and Bin eq {new byte[] { 0, 255, 16 }}"));
    }

    [Fact]
    public void DoublesStayDoubles()
    {
        Assert.Equal("D eq 2.0", TableClient.CreateQueryFilter($"D eq {2.0}"));
        Assert.Equal("D eq 0.5", TableClient.CreateQueryFilter($"D eq {0.5}"));
        Assert.Equal("D eq 1E+300", TableClient.CreateQueryFilter($"D eq {1e300}"));
    }

    [Fact]
    public void DateTimeIsConvertedToUtc() =>
        Assert.Equal("T ge datetime'2024-01-02T03:04:05.0000000Z'",
            TableClient.CreateQueryFilter($"T ge {new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)}"));

    [Fact]
    public void NullAndEnumsAreHandled()
    {
        string? nothing = null;
        Assert.Equal("A eq null and C eq 'Friday'", TableClient.CreateQueryFilter($"A eq {nothing} and C eq {DayOfWeek.Friday}"));
    }

    [Fact]
    public void CultureDoesNotChangeNumbers()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("D eq 1.5", TableClient.CreateQueryFilter($"D eq {1.5}"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
