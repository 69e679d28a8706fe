using ArtBot.BotFramework.Auth;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Auth;

public sealed class SigningKeyCachingTests : IAsyncLifetime
{
    private AuthTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await AuthTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Metadata_is_fetched_once_across_many_validations()
    {
        var validator = _rig.CreateValidator();
        var token = _rig.Token();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AuthTestRig.AuthenticateAsync(validator, token)));
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await AuthTestRig.AuthenticateAsync(validator, token)).Succeeded);
        }

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(1, _rig.Server.MetadataRequestCount);
        Assert.Equal(1, _rig.Server.KeysRequestCount);
    }

    [Fact]
    public void Keys_are_refreshed_every_twelve_hours_and_for_an_unknown_kid_at_most_every_five_minutes()
    {
        // IdentityModel's ConfigurationManager keeps the time on its own clock, which the test's cannot move: what is
        // checked here is what it is told.
        var metadata = _rig.CreateValidator().Metadata!;

        Assert.Equal(TimeSpan.FromHours(12), metadata.AutomaticRefreshInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), metadata.RefreshInterval);
        Assert.Equal(_rig.Server.MetadataUrl, metadata.MetadataAddress);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_by_one_refresh_on_unknown_kid()
    {
        var validator = _rig.CreateValidator();
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, _rig.Token())).Succeeded);
        var rotated = TestSigningKey.Create("rotated-key", TestTokenIssuer.ChannelId);
        _rig.Server.ReplaceKeys([rotated, _rig.Issuer.UnendorsedKey]);
        var token = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.SigningKey = rotated);

        var first = await AuthTestRig.AuthenticateAsync(validator, token);
        var again = await AuthTestRig.AuthenticateAsync(validator, token);

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.True(again.Succeeded, again.FailureReason);
        Assert.Equal(2, _rig.Server.MetadataRequestCount);
        Assert.Equal(2, _rig.Server.KeysRequestCount);
    }

    [Fact]
    public async Task Unknown_kid_refreshes_once_and_not_again_within_five_minutes()
    {
        var validator = _rig.CreateValidator();
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, _rig.Token())).Succeeded);
        var unknown = _rig.Token(TestTokenKind.UnknownKid);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(BotAuthenticationFailures.UnknownSigningKey, (await AuthTestRig.AuthenticateAsync(validator, unknown)).FailureReason);
        }

        Assert.Equal(2, _rig.Server.MetadataRequestCount);
        Assert.Equal(2, _rig.Server.KeysRequestCount);

        // A key published now is not fetched before the five minutes are over.
        var late = TestSigningKey.Create("late-key", TestTokenIssuer.ChannelId);
        _rig.Server.PublishKey(late);
        var lateToken = _rig.Issuer.CreateToken(AuthTestRig.AppId, AuthTestRig.ServiceUrl, o => o.SigningKey = late);
        Assert.Equal(BotAuthenticationFailures.UnknownSigningKey, (await AuthTestRig.AuthenticateAsync(validator, lateToken)).FailureReason);
        Assert.Equal(2, _rig.Server.MetadataRequestCount);
    }

    [Fact]
    public async Task Metadata_server_down_is_a_failure_result_not_an_exception()
    {
        var deadUrl = _rig.Server.MetadataUrl;
        await _rig.Server.DisposeAsync();
        var validator = _rig.CreateValidator(metadataUrl: deadUrl);

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.False(result.Succeeded);
        Assert.Equal(BotAuthenticationFailures.MetadataUnavailable, result.FailureReason);
        var warning = Assert.Single(_rig.Logger.Warnings);
        Assert.Contains(BotAuthenticationFailures.MetadataUnavailable, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_server_error_is_a_failure_result_and_recovers_when_the_server_does()
    {
        _rig.Server.Failing = true;
        var validator = _rig.CreateValidator();

        var failed = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());
        _rig.Server.Failing = false;
        var recovered = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.Equal(BotAuthenticationFailures.MetadataUnavailable, failed.FailureReason);
        Assert.Contains($"GET {_rig.Server.MetadataUrl} answered 503.", Assert.Single(_rig.Logger.Warnings), StringComparison.Ordinal);
        Assert.True(recovered.Succeeded, recovered.FailureReason);
    }

    [Fact]
    public async Task Failed_refresh_keeps_the_cached_keys()
    {
        var validator = _rig.CreateValidator();
        Assert.True((await AuthTestRig.AuthenticateAsync(validator, _rig.Token())).Succeeded);
        _rig.Server.Failing = true;

        var unknown = await AuthTestRig.AuthenticateAsync(validator, _rig.Token(TestTokenKind.UnknownKid));
        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());
        var again = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.Equal(BotAuthenticationFailures.UnknownSigningKey, unknown.FailureReason);
        Assert.True(result.Succeeded, result.FailureReason);
        Assert.True(again.Succeeded, again.FailureReason);
        // The refresh: its 503 tried once more by IdentityModel's retriever, then given up until the next interval.
        Assert.Equal(3, _rig.Server.MetadataRequestCount);
        Assert.Equal(1, _rig.Server.KeysRequestCount);
    }

    [Fact]
    public async Task A_key_set_without_usable_keys_is_metadata_unavailable()
    {
        _rig.Server.ReplaceKeys([]);
        var validator = _rig.CreateValidator();

        var result = await AuthTestRig.AuthenticateAsync(validator, _rig.Token());

        Assert.Equal(BotAuthenticationFailures.MetadataUnavailable, result.FailureReason);
        Assert.Contains($"The key set of {_rig.Server.MetadataUrl} holds no usable signing keys.", Assert.Single(_rig.Logger.Warnings), StringComparison.Ordinal);
    }
}
