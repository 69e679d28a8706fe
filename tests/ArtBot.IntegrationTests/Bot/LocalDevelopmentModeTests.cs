using System.Net;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Bot;

/// <summary>With no MicrosoftAppId: unauthenticated requests are accepted and outbound calls carry no token.</summary>
[Collection(BotTests.Name)]
public sealed class LocalDevelopmentModeTests(BotHost bot)
{
    [Fact]
    public async Task Unauthenticated_requests_are_accepted_and_no_token_is_sent()
    {
        await using var factory = BotHost.CreateFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:ConnectionString"] = bot.StorageConnectionString,
        });
        using var client = factory.CreateClient();
        await BotHost.WaitUntilReadyAsync(factory);
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal));
        Assert.Equal("", sent[0].Authorization);
    }

    [Fact]
    public async Task A_production_configuration_missing_a_setting_fails_at_start()
    {
        await using var factory = BotHost.CreateFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = BotHost.AppId,
            ["Storage:ConnectionString"] = bot.StorageConnectionString,
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("MicrosoftAppTenantId", error.ToString(), StringComparison.Ordinal);
    }
}
