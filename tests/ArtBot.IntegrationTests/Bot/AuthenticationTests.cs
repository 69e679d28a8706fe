using System.Net;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Bot;

/// <summary>Inbound channel authentication through the real endpoint, with real JWTs from the test key.</summary>
[Collection(BotTests.Name)]
public sealed class AuthenticationTests(BotHost bot)
{
    [Fact]
    public async Task A_valid_channel_token_is_accepted()
    {
        var response = await bot.PostAsync(bot.Payload(TeamsPayloads.Reaction));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(TestTokenKind.Expired)]
    [InlineData(TestTokenKind.NotYetValid)]
    [InlineData(TestTokenKind.WrongAudience)]
    [InlineData(TestTokenKind.WrongIssuer)]
    [InlineData(TestTokenKind.UnknownKid)]
    [InlineData(TestTokenKind.UnendorsedKey)]
    [InlineData(TestTokenKind.AlgNone)]
    [InlineData(TestTokenKind.Hs256WithPublicKey)]
    [InlineData(TestTokenKind.WrongServiceUrl)]
    [InlineData(TestTokenKind.MissingServiceUrl)]
    [InlineData(TestTokenKind.Forged)]
    public async Task A_bad_token_is_a_401_with_a_reason_and_nothing_is_sent_or_stored(TestTokenKind kind)
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        var response = await bot.PostAsync(activity, kind);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var reason = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain("eyJ", reason, StringComparison.Ordinal); // never echoes a token
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Path.Contains(conversationId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_missing_or_malformed_authorization_header_is_a_401(string? header)
    {
        var response = await bot.PostRawAsync(bot.Payload(TeamsPayloads.PersonalMessage).ToJsonString(), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_serviceUrl_than_the_activity_is_a_401()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        var token = bot.Tokens.CreateToken(BotHost.AppId, "https://smba.trafficmanager.net/elsewhere/");

        var response = await bot.PostRawAsync(activity.ToJsonString(), TestTokenIssuer.Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Outbound_calls_carry_the_bot_token()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        await bot.PostAsync(activity);

        var sent = await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal));
        Assert.Equal("Bearer " + BotHost.OutboundToken, sent[0].Authorization);
    }
}
