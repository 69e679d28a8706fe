using ArtBot.BotFramework;

namespace ArtBot.Hosting;

/// <summary>
/// Checks the configuration at start-up so a production deployment with a missing or contradictory setting
/// fails at once, with a message naming the setting, instead of at the first message.
/// </summary>
public static class BotSettingsValidator
{
    public static IReadOnlyList<string> Validate(BotFrameworkOptions bot, StorageOptions storage)
    {
        var errors = new List<string>();
        if (!IsAllowedMetadataUrl(bot.ToBotFromChannelOpenIdMetadataUrl))
        {
            errors.Add("ToBotFromChannelOpenIdMetadataUrl must be an https URL (http is allowed only on loopback).");
        }

        if (!string.IsNullOrWhiteSpace(storage.TableEndpoint)
            && !(Uri.TryCreate(storage.TableEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add("Storage:TableEndpoint must be an https URL (Entra ID tokens are only sent over https).");
        }

        if (bot.IsLocalDevelopment)
        {
            return errors;
        }

        var hasPassword = !string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId);
        switch (bot.MicrosoftAppType)
        {
            case BotAppType.SingleTenant:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
                }

                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                }

                if (hasPassword)
                {
                    errors.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret).");
                }

                break;
            case BotAppType.MultiTenant:
                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                }

                break;
        }

        if (string.IsNullOrWhiteSpace(storage.ConnectionString) && string.IsNullOrWhiteSpace(storage.TableEndpoint))
        {
            errors.Add("Storage:ConnectionString or Storage:TableEndpoint is required when MicrosoftAppId is set.");
        }

        return errors;
    }

    private static bool IsAllowedMetadataUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
