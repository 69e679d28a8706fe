using Azure.Identity;
using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorCredentialTests
{
    [Fact]
    public void Single_tenant_uses_a_client_secret_against_the_app_tenant_and_login_URL()
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = BotAppType.SingleTenant,
            MicrosoftAppId = "app-id",
            MicrosoftAppPassword = "pw",
            MicrosoftAppTenantId = "contoso-tenant",
            ToChannelFromBotLoginUrl = "https://login.microsoftonline.us",
        };

        var spec = ConnectorCredentialSpec.From(options);

        Assert.Equal(new ConnectorCredentialSpec(ConnectorCredentialKind.ClientSecret, "app-id", "contoso-tenant", new Uri("https://login.microsoftonline.us")), spec);
        Assert.IsType<ClientSecretCredential>(spec.CreateCredential(options.MicrosoftAppPassword));
    }

    [Fact]
    public void Multi_tenant_uses_a_client_secret_against_botframework_com()
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = BotAppType.MultiTenant,
            MicrosoftAppId = "app-id",
            MicrosoftAppPassword = "pw",
            MicrosoftAppTenantId = "ignored-tenant",
        };

        var spec = ConnectorCredentialSpec.From(options);

        Assert.Equal(ConnectorCredentialKind.ClientSecret, spec.Kind);
        Assert.Equal("botframework.com", spec.TenantId);
        Assert.Equal(new Uri(BotFrameworkOptions.DefaultLoginUrl), spec.AuthorityHost);
        Assert.IsType<ClientSecretCredential>(spec.CreateCredential(options.MicrosoftAppPassword));
    }

    [Fact]
    public void User_assigned_MSI_uses_the_managed_identity_by_client_id()
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = BotAppType.UserAssignedMSI,
            MicrosoftAppId = "msi-client-id",
            MicrosoftAppTenantId = "contoso-tenant",
        };

        var spec = ConnectorCredentialSpec.From(options);

        Assert.Equal(ConnectorCredentialKind.UserAssignedManagedIdentity, spec.Kind);
        Assert.Equal("msi-client-id", spec.ClientId);
        Assert.IsType<ManagedIdentityCredential>(spec.CreateCredential(null));
    }

    [Theory]
    [InlineData(BotAppType.SingleTenant, "app", null, "tenant", "MicrosoftAppPassword")]
    [InlineData(BotAppType.SingleTenant, "app", "pw", null, "MicrosoftAppTenantId")]
    [InlineData(BotAppType.MultiTenant, "app", "", null, "MicrosoftAppPassword")]
    [InlineData(BotAppType.UserAssignedMSI, "app", "pw", "tenant", "MicrosoftAppPassword")]
    public void Incomplete_settings_are_rejected_by_name(BotAppType type, string appId, string? password, string? tenant, string setting)
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = type, MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        var error = Assert.Throws<InvalidOperationException>(() => ConnectorCredentialSpec.From(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.botframework.com", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.us/", "https://api.botframework.us/.default")]
    public void Scope_is_the_configured_resource_with_default(string resource, string scope) =>
        Assert.Equal(scope, ConnectorCredentialSpec.Scope(new BotFrameworkOptions { ToChannelFromBotOAuthScope = resource }));
}
