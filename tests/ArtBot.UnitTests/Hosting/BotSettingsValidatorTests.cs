using ArtBot.BotFramework;
using ArtBot.Hosting;

namespace ArtBot.UnitTests.Hosting;

public sealed class BotSettingsValidatorTests
{
    private static readonly StorageOptions Storage = new() { ConnectionString = "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net" };

    [Fact]
    public void Local_development_needs_no_settings()
    {
        Assert.Empty(BotSettingsValidator.Validate(new BotFrameworkOptions(), new StorageOptions()));
        Assert.Empty(BotSettingsValidator.Validate(new BotFrameworkOptions { MicrosoftAppId = "  " }, new StorageOptions()));
    }

    [Fact]
    public void Local_development_ignores_the_app_type_rules()
    {
        var bot = new BotFrameworkOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppPassword = "secret" };

        Assert.Empty(BotSettingsValidator.Validate(bot, new StorageOptions()));
    }

    [Fact]
    public void Multi_tenant_needs_a_password_and_no_tenant()
    {
        Assert.Empty(BotSettingsValidator.Validate(Bot(BotAppType.MultiTenant, password: "secret"), Storage));

        var errors = BotSettingsValidator.Validate(Bot(BotAppType.MultiTenant), Storage);

        Assert.Equal(["MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant."], errors);
    }

    [Fact]
    public void Single_tenant_needs_a_tenant_and_a_password()
    {
        Assert.Empty(BotSettingsValidator.Validate(Bot(BotAppType.SingleTenant, password: "secret", tenant: "tid"), Storage));

        var errors = BotSettingsValidator.Validate(Bot(BotAppType.SingleTenant), Storage);

        Assert.Equal(
            [
                "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.",
                "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.",
            ],
            errors);
    }

    [Fact]
    public void User_assigned_managed_identity_needs_a_tenant_and_forbids_a_password()
    {
        Assert.Empty(BotSettingsValidator.Validate(Bot(BotAppType.UserAssignedMSI, tenant: "tid"), Storage));

        var errors = BotSettingsValidator.Validate(Bot(BotAppType.UserAssignedMSI, password: "secret"), Storage);

        Assert.Equal(2, errors.Count);
        Assert.Contains("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.", errors);
        Assert.Contains(errors, e => e.StartsWith("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI", StringComparison.Ordinal));
    }

    [Fact]
    public void Whitespace_counts_as_missing()
    {
        var errors = BotSettingsValidator.Validate(Bot(BotAppType.SingleTenant, password: " ", tenant: "\t"), Storage);

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Production_needs_storage()
    {
        var errors = BotSettingsValidator.Validate(Bot(BotAppType.MultiTenant, password: "secret"), new StorageOptions { ConnectionString = " " });

        var error = Assert.Single(errors);
        Assert.Contains("Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.Contains("Storage:TableEndpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_endpoint_alone_is_enough_storage()
    {
        var storage = new StorageOptions { TableEndpoint = "https://artbot.table.core.windows.net" };

        Assert.Empty(BotSettingsValidator.Validate(Bot(BotAppType.UserAssignedMSI, tenant: "tid"), storage));
    }

    [Theory]
    [InlineData("http://artbot.table.core.windows.net")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1")]
    [InlineData("artbot.table.core.windows.net")]
    [InlineData("ftp://artbot.table.core.windows.net")]
    public void The_table_endpoint_must_be_https_even_in_local_development(string endpoint)
    {
        var storage = new StorageOptions { TableEndpoint = endpoint };

        foreach (var bot in new[] { new BotFrameworkOptions(), Bot(BotAppType.UserAssignedMSI, tenant: "tid") })
        {
            var error = Assert.Single(BotSettingsValidator.Validate(bot, storage));
            Assert.StartsWith("Storage:TableEndpoint must be an https URL", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("https://metadata.example/keys")]
    [InlineData("http://localhost:5005/openid")]
    [InlineData("http://127.0.0.1:5005/openid")]
    [InlineData("http://[::1]:5005/openid")]
    public void The_metadata_url_is_https_or_http_on_loopback(string url)
    {
        var bot = Bot(BotAppType.MultiTenant, password: "secret");
        bot.ToBotFromChannelOpenIdMetadataUrl = url;

        Assert.Empty(BotSettingsValidator.Validate(bot, Storage));
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5/openid")]
    [InlineData("http://localhost.evil.example/openid")]
    [InlineData("ftp://localhost/openid")]
    [InlineData("/v1/.well-known/openidconfiguration")]
    [InlineData("")]
    public void Any_other_metadata_url_is_refused_even_in_local_development(string url)
    {
        foreach (var bot in new[] { new BotFrameworkOptions(), Bot(BotAppType.MultiTenant, password: "secret") })
        {
            bot.ToBotFromChannelOpenIdMetadataUrl = url;

            var error = Assert.Single(BotSettingsValidator.Validate(bot, Storage));
            Assert.StartsWith("ToBotFromChannelOpenIdMetadataUrl must be an https URL", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var bot = Bot(BotAppType.SingleTenant);
        bot.ToBotFromChannelOpenIdMetadataUrl = "http://example.com/openid";

        var errors = BotSettingsValidator.Validate(bot, new StorageOptions { TableEndpoint = "http://x" });

        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Errors_never_contain_the_password()
    {
        var bot = Bot(BotAppType.UserAssignedMSI, password: "s3cr3t-value");

        Assert.DoesNotContain(BotSettingsValidator.Validate(bot, new StorageOptions()), e => e.Contains("s3cr3t-value", StringComparison.Ordinal));
    }

    private static BotFrameworkOptions Bot(BotAppType type, string? password = null, string? tenant = null) => new()
    {
        MicrosoftAppId = "00000000-0000-0000-0000-0000000000a1",
        MicrosoftAppType = type,
        MicrosoftAppPassword = password,
        MicrosoftAppTenantId = tenant,
    };
}
