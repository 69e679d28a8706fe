using ArtBot.Features.People;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.AzureDevOps;

/// <summary>Checks the <c>AzureDevOps</c> settings at start-up: a bad URL fails at start, not at the first refresh.</summary>
public sealed class AzureDevOpsOptionsValidation : IValidateOptions<AzureDevOpsOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureDevOpsOptions options)
    {
        var errors = new List<string>();
        if (!GraphOptionsValidation.IsAllowedBaseUrl(options.BaseUrl))
        {
            errors.Add("AzureDevOps:BaseUrl must be an absolute https URL (http only on a loopback address), e.g. " + AzureDevOpsOptions.DefaultBaseUrl + ".");
        }

        if (string.IsNullOrWhiteSpace(options.Scope) || !options.Scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            errors.Add("AzureDevOps:Scope must end in /.default, e.g. " + AzureDevOpsOptions.DefaultScope + ".");
        }

        if (options.RefreshInterval < TimeSpan.FromMinutes(15))
        {
            errors.Add("AzureDevOps:RefreshInterval must be at least 00:15:00.");
        }

        if (options.TickInterval <= TimeSpan.Zero || options.ClaimLease <= TimeSpan.Zero)
        {
            errors.Add("AzureDevOps:TickInterval and AzureDevOps:ClaimLease must be positive.");
        }

        if (options.MaxFeatures is < 1 or > 5000)
        {
            errors.Add("AzureDevOps:MaxFeatures must be between 1 and 5000.");
        }

        if (options.RiskReductionField is { Length: > 0 } field && !System.Text.RegularExpressions.Regex.IsMatch(field, @"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$"))
        {
            errors.Add("AzureDevOps:RiskReductionField must be a field's reference name, e.g. Custom.RROEValue.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
