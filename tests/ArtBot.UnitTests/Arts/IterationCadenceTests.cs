using ArtBot.Domain.Arts;

namespace ArtBot.UnitTests.Arts;

/// <summary>"Iteration 3 of PI 2027.1" as a date range.</summary>
public sealed class IterationCadenceTests
{
    private static readonly ProgramIncrement TenWeeks = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 14));

    [Fact]
    public void A_ten_week_pi_has_five_two_week_iterations_the_last_one_ip()
    {
        var iterations = IterationCadence.Default.Of(TenWeeks);

        Assert.Equal([1, 2, 3, 4, 5], iterations.Select(i => i.Number));
        Assert.Equal(new Iteration(3, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 14), IsIp: false), iterations[2]);
        Assert.Equal(new Iteration(5, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 14), IsIp: true), iterations[4]);
        Assert.All(iterations.Zip(iterations.Skip(1)), pair => Assert.Equal(pair.First.End.AddDays(1), pair.Second.Start));
    }

    [Theory]
    [InlineData("2027-01-31", 2)]
    [InlineData("2027-02-01", 3)]
    [InlineData("2027-02-14", 3)]
    [InlineData("2027-02-15", 4)]
    [InlineData("2027-03-14", 5)]
    public void Each_day_of_the_pi_belongs_to_exactly_one_iteration(string day, int number)
    {
        Assert.Equal(number, IterationCadence.Default.At(TenWeeks, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))!.Number);
    }

    [Fact]
    public void Days_outside_the_pi_are_in_no_iteration()
    {
        Assert.Null(IterationCadence.Default.At(TenWeeks, new DateOnly(2027, 1, 3)));
        Assert.Null(IterationCadence.Default.At(TenWeeks, new DateOnly(2027, 3, 15)));
    }

    [Fact]
    public void The_last_iteration_takes_the_remainder_and_ends_with_the_pi()
    {
        var pi = TenWeeks with { End = new DateOnly(2027, 3, 17) }; // 73 days: five iterations, the last one 17 days

        var last = new IterationCadence(2, LastIsIp: false).Of(pi)[^1];

        Assert.Equal(new Iteration(5, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 17), IsIp: false), last);
    }

    [Fact]
    public void Three_week_iterations_cut_the_same_pi_into_three()
    {
        var iterations = new IterationCadence(3, LastIsIp: true).Of(TenWeeks);

        Assert.Equal(3, iterations.Count);
        Assert.Equal(new DateOnly(2027, 2, 15), iterations[2].Start);
        Assert.True(iterations[2].IsIp);
    }
}
