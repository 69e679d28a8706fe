using ArtBot.BotFramework.Connector;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>Checks the <c>Sync</c> settings at start-up (ValidateOnStart): a value that would break the scheduler fails at start, naming the key.</summary>
public sealed class SyncOptionsValidation : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Between(errors, "TickInterval", options.TickInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Between(errors, "ClaimLease", options.ClaimLease, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));
        Between(errors, "RetryDelay", options.RetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        Between(errors, "ThrottledRetryDelay", options.ThrottledRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (options.PostSearchDelay < TimeSpan.Zero || options.PostSearchDelay * 2 > options.ClaimLease)
        {
            errors.Add("Sync:PostSearchDelay must be between 00:00:00 and half of Sync:ClaimLease (the claim is held while it waits).");
        }

        if (!(options.FanOutPerSecond >= 0 && options.FanOutPerSecond <= ConnectorOptions.TeamsTenantPerSecond))
        {
            errors.Add("Sync:FanOutPerSecond must be between 0 (no pacing) and 50 (Teams' per-tenant limit).");
        }

        Between(errors, "FanOutPrepareAhead", options.FanOutPrepareAhead, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Between(errors, "FanOutConcurrency", options.FanOutConcurrency, 1, 1000);
        Between(errors, "SendRetries", options.SendRetries, 0, 10);
        Between(errors, "MaxAttempts", options.MaxAttempts, 1, 100);
        Between(errors, "MaxPasses", options.MaxPasses, 1, 100);
        Between(errors, "AgeingImpedimentDays", options.AgeingImpedimentDays, 1, 365);
        if (string.IsNullOrWhiteSpace(options.InstanceId) || options.InstanceId.Length > 100)
        {
            errors.Add("Sync:InstanceId must be set and at most 100 characters.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Between<T>(List<string> errors, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            errors.Add($"Sync:{key} must be between {min} and {max}.");
        }
    }
}
