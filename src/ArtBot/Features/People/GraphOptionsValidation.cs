using System.Net;
using ArtBot.BotFramework;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.People;

/// <summary>Checks the <c>Graph</c> settings at start-up (ValidateOnStart): a bad URL fails at start, not at the first reminder.</summary>
public sealed class GraphOptionsValidation(IOptions<BotFrameworkOptions> bot) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = new List<string>();
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (bot.Value.IsLocalDevelopment)
        {
            errors.Add("Graph:Enabled needs the bot's identity (MicrosoftAppId): Graph is called app-only with the bot's credential.");
        }
        else if (bot.Value.MicrosoftAppType == BotAppType.MultiTenant)
        {
            errors.Add("Graph:Enabled needs a SingleTenant or UserAssignedMSI bot: a MultiTenant bot's credential gets tokens from the botframework.com tenant, not the customer's. Set Graph:Enabled=false or change MicrosoftAppType.");
        }

        if (!IsAllowedBaseUrl(options.BaseUrl))
        {
            errors.Add("Graph:BaseUrl must be an absolute https URL (http only on a loopback address), e.g. " + GraphOptions.DefaultBaseUrl + ".");
        }

        if (!Uri.TryCreate(options.Scope, UriKind.Absolute, out var scope) || !scope.AbsolutePath.EndsWith("/.default", StringComparison.Ordinal))
        {
            errors.Add("Graph:Scope must be an absolute URL ending in /.default, e.g. " + GraphOptions.DefaultScope + ".");
        }

        if (options.CacheDuration < TimeSpan.Zero || options.CacheDuration > TimeSpan.FromHours(1))
        {
            errors.Add("Graph:CacheDuration must be between 00:00:00 and 01:00:00.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(5))
        {
            errors.Add("Graph:MaxRetryAfter must be between 00:00:00 and 00:05:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsAllowedBaseUrl(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));
    }
}
