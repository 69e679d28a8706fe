using ArtBot.BotFramework;
using ArtBot.BotFramework.Auth;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.IntegrationTests.Auth;

public sealed class BotAuthenticationConfigurationTests : IAsyncLifetime
{
    private AuthTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await AuthTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData("http://login.example.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5:8080/.well-known/openidconfiguration")]
    [InlineData("ftp://127.0.0.1/.well-known/openidconfiguration")]
    [InlineData("/relative/openidconfiguration")]
    [InlineData("")]
    public void Metadata_URL_other_than_HTTPS_or_loopback_HTTP_fails_at_construction(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _rig.CreateValidator(metadataUrl: url));

        Assert.Contains(nameof(BotFrameworkOptions.ToBotFromChannelOpenIdMetadataUrl), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://127.0.0.1:5000/.well-known/openidconfiguration")]
    [InlineData("http://localhost:5000/.well-known/openidconfiguration")]
    [InlineData("http://[::1]:5000/.well-known/openidconfiguration")]
    public void HTTPS_and_loopback_HTTP_metadata_URLs_are_accepted(string url)
    {
        Assert.Null(MetadataUrlPolicy.Check(url, "setting"));
        _ = _rig.CreateValidator(metadataUrl: url);
    }

    [Fact]
    public async Task Local_development_accepts_a_request_without_header_as_anonymous()
    {
        var validator = _rig.CreateValidator(appId: null);

        var result = await validator.AuthenticateAsync(null, "msteams", "http://localhost:56150/_connector", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.Equal(BotAuthenticationResult.AnonymousAuthenticationType, result.Identity?.AuthenticationType);
        Assert.Empty(result.Identity!.Claims);
        Assert.Empty(_rig.Logger.Warnings);
    }

    [Fact]
    public async Task Local_development_rejects_a_presented_token_like_botbuilder()
    {
        var validator = _rig.CreateValidator(appId: "  ");

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.False(result.Succeeded);
        Assert.False(result.IsAnonymous);
        Assert.Equal(BotAuthenticationFailures.TokenWithoutAppId, result.FailureReason);
        Assert.Equal(0, _rig.Server.RequestCount);
    }

    [Fact]
    public async Task Add_bot_authentication_resolves_a_working_singleton_validator()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_rig.Time);
        services.Configure<BotFrameworkOptions>(o =>
        {
            o.MicrosoftAppId = AuthTestRig.AppId;
            o.ToBotFromChannelOpenIdMetadataUrl = _rig.Server.MetadataUrl;
        });
        services.AddBotAuthentication();
        await using var provider = services.BuildServiceProvider();

        var validator = provider.GetRequiredService<BotTokenValidator>();
        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.Same(validator, provider.GetRequiredService<BotTokenValidator>());
        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public void Add_bot_authentication_rejects_a_plain_HTTP_metadata_URL_when_options_are_validated()
    {
        var services = new ServiceCollection();
        services.Configure<BotFrameworkOptions>(o =>
        {
            o.MicrosoftAppId = AuthTestRig.AppId;
            o.ToBotFromChannelOpenIdMetadataUrl = "http://login.example.com/keys";
        });
        services.AddBotAuthentication();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JWKS_URI_on_plain_HTTP_off_loopback_is_refused()
    {
        _rig.Server.JwksUriOverride = "http://keys.example.com/keys";
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.Equal(BotAuthenticationFailures.MetadataUnavailable, result.FailureReason);
        Assert.Contains("jwks_uri", Assert.Single(_rig.Logger.Warnings), StringComparison.Ordinal);
        Assert.Equal(0, _rig.Server.KeysRequestCount);
    }

    [Fact]
    public void Endorsements_are_read_from_the_JWKS_strings_only()
    {
        var set = new JsonWebKeySet(
            """{"keys":[{"kty":"RSA","kid":"k","n":"AQAB","e":"AQAB","endorsements":["msteams",7,"webchat"]},{"kty":"RSA","kid":"bare","n":"AQAB","e":"AQAB"},{"kty":"RSA","kid":"odd","n":"AQAB","e":"AQAB","endorsements":"msteams"}]}""");

        var endorsements = set.Keys.ToDictionary(k => k.Kid, ChannelSigningKey.EndorsementsOf);

        Assert.Equal(["msteams", "webchat"], endorsements["k"]);
        Assert.Empty(endorsements["bare"]);
        Assert.Empty(endorsements["odd"]);
    }

    [Fact]
    public void Only_signing_keys_of_the_kid_are_found_and_a_kid_published_twice_is_endorsed_for_what_both_list()
    {
        var configuration = new OpenIdConnectConfiguration
        {
            JsonWebKeySet = new JsonWebKeySet(
                """{"keys":[{"kty":"RSA","kid":"twice","n":"AQAB","e":"AQAB","endorsements":["msteams","webchat"]},{"kty":"RSA","kid":"twice","n":"AQAB","e":"AQAB","endorsements":["msteams"]},{"kty":"RSA","kid":"enc","use":"enc","n":"AQAB","e":"AQAB","endorsements":["msteams"]}]}"""),
        };
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        var twice = ChannelSigningKey.Find(configuration, "twice");

        Assert.NotNull(twice);
        Assert.Equal(2, twice.Keys.Count);
        Assert.Equal(["msteams"], twice.Endorsements);
        Assert.Null(ChannelSigningKey.Find(configuration, "enc"));
        Assert.Null(ChannelSigningKey.Find(configuration, "missing"));
    }

    [Fact]
    public async Task Local_development_never_fetches_metadata()
    {
        var factory = new Moq.Mock<IHttpClientFactory>(Moq.MockBehavior.Strict);
        var validator = new BotTokenValidator(
            Options.Create(new BotFrameworkOptions { ToBotFromChannelOpenIdMetadataUrl = "http://not-checked.example.com" }),
            factory.Object, TimeProvider.System, NullLogger<BotTokenValidator>.Instance);

        var anonymous = await validator.AuthenticateAsync(null, null, null, CancellationToken.None);
        var presented = await validator.AuthenticateAsync("Bearer x.y.z", null, null, CancellationToken.None);

        Assert.True(anonymous.IsAnonymous);
        Assert.Equal(BotAuthenticationFailures.TokenWithoutAppId, presented.FailureReason);
    }
}
