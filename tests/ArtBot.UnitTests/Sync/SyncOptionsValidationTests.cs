using ArtBot.Features.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtBot.UnitTests.Sync;

public sealed class SyncOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new SyncOptionsValidation().Validate(null, new SyncOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Sync:TickInterval", "00:00:00")]
    [InlineData("Sync:ClaimLease", "00:00:01")]
    [InlineData("Sync:PostSearchDelay", "00:02:00")] // more than half the 3-minute lease
    [InlineData("Sync:PostSearchDelay", "-00:00:01")]
    [InlineData("Sync:FanOutPerSecond", "51")]
    [InlineData("Sync:FanOutPerSecond", "-1")]
    [InlineData("Sync:FanOutPrepareAhead", "00:00:02")]
    [InlineData("Sync:FanOutConcurrency", "0")]
    [InlineData("Sync:SendRetries", "-1")]
    [InlineData("Sync:MaxAttempts", "0")]
    [InlineData("Sync:MaxPasses", "0")]
    [InlineData("Sync:RetryDelay", "-00:00:01")]
    [InlineData("Sync:AgeingImpedimentDays", "0")]
    [InlineData("Sync:InstanceId", " ")]
    public void A_value_that_would_break_the_scheduler_fails_at_start_naming_the_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = new ServiceCollection().AddSync(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SyncOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.StartsWith(key + " must be", StringComparison.Ordinal));
    }
}
