using ArtBot.BotFramework.Auth;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Auth;

public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private AuthTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await AuthTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Valid_token_is_accepted_with_its_claims()
    {
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsAnonymous);
        Assert.Null(result.FailureReason);
        Assert.NotNull(result.Identity);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(AuthTestRig.AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(AuthTestRig.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Empty(_rig.Logger.Warnings);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Other_allowed_RSA_algorithms_are_accepted(string algorithm)
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.Algorithm = algorithm);

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(TestTokenKind.Expired, BotAuthenticationFailures.TokenExpired)]
    [InlineData(TestTokenKind.NotYetValid, BotAuthenticationFailures.TokenNotYetValid)]
    [InlineData(TestTokenKind.WrongAudience, BotAuthenticationFailures.AudienceMismatch)]
    [InlineData(TestTokenKind.WrongIssuer, BotAuthenticationFailures.IssuerMismatch)]
    [InlineData(TestTokenKind.UnknownKid, BotAuthenticationFailures.UnknownSigningKey)]
    [InlineData(TestTokenKind.UnendorsedKey, BotAuthenticationFailures.KeyNotEndorsed)]
    [InlineData(TestTokenKind.AlgNone, BotAuthenticationFailures.UnsupportedAlgorithm)]
    [InlineData(TestTokenKind.Hs256WithPublicKey, BotAuthenticationFailures.UnsupportedAlgorithm)]
    [InlineData(TestTokenKind.WrongServiceUrl, BotAuthenticationFailures.ServiceUrlClaimMismatch)]
    [InlineData(TestTokenKind.MissingServiceUrl, BotAuthenticationFailures.ServiceUrlClaimMissing)]
    [InlineData(TestTokenKind.Forged, BotAuthenticationFailures.InvalidSignature)]
    public async Task Bad_token_is_rejected_with_its_reason_and_one_warning_without_the_token(TestTokenKind kind, string reason)
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Token(kind);

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.FailureReason);
        Assert.Null(result.Identity);
        Assert.False(result.IsAnonymous);
        var warning = Assert.Single(_rig.Logger.Warnings);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
        Assert.All(_rig.Logger.Lines, e => Assert.DoesNotContain(token.Split('.')[1], e.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    public async Task Missing_bearer_token_is_rejected(string? header)
    {
        var validator = _rig.CreateValidator();

        var result = await validator.AuthenticateAsync(header, AuthTestRig.ChannelId, AuthTestRig.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(BotAuthenticationFailures.MissingBearerToken, result.FailureReason);
        Assert.Single(_rig.Logger.Warnings);
        Assert.Equal(0, _rig.Server.RequestCount);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Token {0}")]
    [InlineData("{0}")]
    public async Task Non_bearer_scheme_is_rejected(string headerFormat)
    {
        var validator = _rig.CreateValidator();
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, headerFormat, _rig.Token());

        var result = await validator.AuthenticateAsync(header, AuthTestRig.ChannelId, AuthTestRig.ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(BotAuthenticationFailures.UnsupportedScheme, result.FailureReason);
    }

    [Fact]
    public async Task Bearer_scheme_is_case_insensitive()
    {
        var validator = _rig.CreateValidator();

        var result = await validator.AuthenticateAsync("bearer " + _rig.Token(), AuthTestRig.ChannelId, AuthTestRig.ServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.sig")]
    [InlineData("a.b.c.d.e")]
    public async Task Garbage_token_is_rejected_as_malformed(string token)
    {
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.False(result.Succeeded);
        Assert.Equal(BotAuthenticationFailures.MalformedToken, result.FailureReason);
        Assert.Single(_rig.Logger.Warnings);
    }

    [Fact]
    public async Task Huge_garbage_header_is_a_failure_not_an_exception()
    {
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, new string('x', 400_000) + ".y.z");

        Assert.False(result.Succeeded);
        Assert.Equal(BotAuthenticationFailures.MalformedToken, result.FailureReason);
    }

    [Fact]
    public async Task Token_without_kid_is_rejected()
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.KeyId = string.Empty);

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.Equal(BotAuthenticationFailures.UnknownSigningKey, result.FailureReason);
    }

    [Fact]
    public async Task Token_without_expiry_is_rejected()
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.OmitExpiry = true);

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.Equal(BotAuthenticationFailures.InvalidLifetime, result.FailureReason);
    }

    [Fact]
    public async Task Token_for_api_scheme_audience_is_rejected()
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.Audience = $"api://botid-{AuthTestRig.AppId}");

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.Equal(BotAuthenticationFailures.AudienceMismatch, result.FailureReason);
    }

    [Fact]
    public async Task Serviceurl_claim_is_compared_case_insensitively()
    {
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token(), serviceUrl: AuthTestRig.ServiceUrl.ToUpperInvariant());

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(null, BotAuthenticationFailures.ServiceUrlClaimMismatch)]
    [InlineData("https://smba.trafficmanager.net/emea/", BotAuthenticationFailures.ServiceUrlClaimMismatch)]
    public async Task Activity_serviceurl_must_match_the_claim(string? activityServiceUrl, string reason)
    {
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token(), serviceUrl: activityServiceUrl);

        Assert.Equal(reason, result.FailureReason);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Key_must_be_endorsed_for_the_activity_channel(string? channelId)
    {
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token(), channelId: channelId);

        Assert.Equal(BotAuthenticationFailures.KeyNotEndorsed, result.FailureReason);
    }

    [Fact]
    public async Task Key_published_without_endorsements_is_not_endorsed()
    {
        _rig.Server.ReplaceKeys([_rig.Issuer.SigningKey.WithKeyId("bare-key").WithoutEndorsements()]);
        var validator = _rig.CreateValidator();
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.KeyId = "bare-key");

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.Equal(BotAuthenticationFailures.KeyNotEndorsed, result.FailureReason);
    }

    [Theory]
    [InlineData(-4, true)]
    [InlineData(-6, false)]
    public async Task Expiry_allows_five_minutes_clock_skew(int minutesFromExpiry, bool accepted)
    {
        var validator = _rig.CreateValidator();
        var expires = AuthTestRig.Start.AddMinutes(30);
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.Expires = expires);
        _rig.Time.SetUtcNow(expires.AddMinutes(-minutesFromExpiry));

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? null : BotAuthenticationFailures.TokenExpired, result.FailureReason);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task Not_before_allows_five_minutes_clock_skew(int minutesBeforeNbf, bool accepted)
    {
        var validator = _rig.CreateValidator();
        var notBefore = AuthTestRig.Start.AddMinutes(minutesBeforeNbf);
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o =>
        {
            o.NotBefore = notBefore;
            o.Expires = notBefore.AddHours(1);
        });

        var result = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? null : BotAuthenticationFailures.TokenNotYetValid, result.FailureReason);
    }

    [Fact]
    public async Task A_token_seen_before_is_still_checked_per_request_for_its_serviceUrl_channel_and_lifetime()
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Token();
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, token)).Succeeded);
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, token)).Succeeded);

        Assert.Equal(BotAuthenticationFailures.ServiceUrlClaimMismatch,
            (await AuthTestRig.AuthenticateAsync(validator, token, serviceUrl: "https://smba.trafficmanager.net/emea/")).FailureReason);
        Assert.Equal(BotAuthenticationFailures.KeyNotEndorsed, (await AuthTestRig.AuthenticateAsync(validator, token, channelId: "webchat")).FailureReason);

        _rig.Time.Advance(TimeSpan.FromHours(2)); // past its expiry and the skew
        Assert.Equal(BotAuthenticationFailures.TokenExpired, (await AuthTestRig.AuthenticateAsync(validator, token)).FailureReason);
    }

    [Fact]
    public async Task A_token_seen_before_still_passes_after_the_keys_were_fetched_again()
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Token();
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, token)).Succeeded);
        var fetches = _rig.Server.KeysRequestCount;

        // A token signed with a key the metadata does not hold yet makes the validator fetch the keys again; a token
        // accepted with the earlier keys is then validated against the new ones, and passes.
        await AuthTestRig.AuthenticateAsync(validator, _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.KeyId = "rotated-in"));
        Assert.True(_rig.Server.KeysRequestCount > fetches);
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, token)).Succeeded);
    }
}
