using ArtBot.BotFramework.Connector;
using ArtBot.Hosting;
using Azure.Data.Tables;
using Azure.Core;
using Azure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtBot.UnitTests.Production;

/// <summary>
/// The production configuration (managed identity, storage through Entra ID): the same identity serves the connector
/// and Table Storage, and an incomplete configuration fails at start with the setting's name.
/// </summary>
public sealed class ProductionModeTests
{
    private const string ClientId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static ServiceProvider Build(Dictionary<string, string?> settings, TokenCredential? credential = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddArtBot(builder.Configuration);
        if (credential is not null)
        {
            builder.Services.RemoveAll<TokenCredential>();
            builder.Services.AddSingleton(credential);
        }

        return builder.Services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> ManagedIdentity(string tableEndpoint = "https://127.0.0.1:1/") => new()
    {
        ["MicrosoftAppType"] = "UserAssignedMSI",
        ["MicrosoftAppId"] = ClientId,
        ["MicrosoftAppTenantId"] = TenantId,
        ["Storage:TableEndpoint"] = tableEndpoint,
    };

    [Fact]
    public void UserAssignedMSI_uses_a_managed_identity_credential()
    {
        using var services = Build(ManagedIdentity());

        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public async Task The_connector_and_storage_both_get_tokens_from_the_bot_identity()
    {
        var credential = new RecordingCredential();
        await using var services = Build(ManagedIdentity(), credential);

        var token = await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None);
        var tables = services.GetRequiredService<TableServiceClient>();
        await Assert.ThrowsAnyAsync<Exception>(() => tables.CreateTableIfNotExistsAsync("probe"));

        Assert.Equal(RecordingCredential.Token, token);
        Assert.Contains("https://api.botframework.com/.default", credential.Scopes);
        Assert.Contains("https://storage.azure.com/.default", credential.Scopes);
    }

    [Theory]
    [InlineData("MicrosoftAppTenantId", null, "MicrosoftAppTenantId")]
    [InlineData("MicrosoftAppPassword", "a-secret", "MicrosoftAppPassword must be empty")]
    [InlineData("Storage:TableEndpoint", null, "Storage:ConnectionString or Storage:TableEndpoint")]
    [InlineData("Storage:TableEndpoint", "http://account.table.core.windows.net", "https")]
    public void An_incomplete_production_configuration_fails_at_start_naming_the_setting(string key, string? value, string expected)
    {
        var settings = ManagedIdentity();
        settings[key] = value;
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ArtBot.BotFramework.BotFrameworkOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_development_defaults_to_development_storage()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.Equal(StorageOptions.DevelopmentStorage, services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public const string Token = "fake-managed-identity-token";

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
