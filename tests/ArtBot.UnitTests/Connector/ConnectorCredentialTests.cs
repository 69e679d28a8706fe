using Azure.Identity;
using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorCredentialTests
{
    [Fact]
    public void SingleTenantUsesAClientSecretAgainstTheAppTenantAndLoginUrl()
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
    public void MultiTenantUsesAClientSecretAgainstBotframeworkCom()
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
    public void UserAssignedMsiUsesTheManagedIdentityByClientId()
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
    public void IncompleteSettingsAreRejectedByName(BotAppType type, string appId, string? password, string? tenant, string setting)
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = type, MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        var error = Assert.Throws<InvalidOperationException>(() => ConnectorCredentialSpec.From(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.botframework.com", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.us/", "https://api.botframework.us/.default")]
    public void ScopeIsTheConfiguredResourceWithDefault(string resource, string scope) =>
        Assert.Equal(scope, ConnectorCredentialSpec.Scope(new BotFrameworkOptions { ToChannelFromBotOAuthScope = resource }));
}
