using System.Net;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Storage.Conversations;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Bot;

/// <summary>Installation events store the conversation reference in Azurite and post one welcome card.</summary>
[Collection(BotTests.Name)]
public sealed class InstallationTests(BotHost bot)
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private ConversationStore Store => new(bot.Table(ConversationStore.TableName));

    [Fact]
    public async Task Adding_the_bot_to_a_team_stores_the_channel_and_posts_one_welcome()
    {
        var added = bot.Payload(TeamsPayloads.BotAddedToTeam);
        var conversationId = added["conversation"]!["id"]!.GetValue<string>();
        var installation = bot.Payload(TeamsPayloads.InstallationAddPersonal, conversationId);
        installation["conversation"]!["conversationType"] = "channel";
        installation["channelData"] = added["channelData"]!.DeepClone();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(added)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(installation)).StatusCode);

        var stored = await Store.GetAsync(Tenant, conversationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("channel", stored.ConversationType);
        Assert.Equal(bot.Connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("Rocket Team", stored.TeamName);
        Assert.Equal("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", stored.TeamAadGroupId);
        Assert.Equal(conversationId, stored.ChannelId);
        Assert.Equal("General", stored.ChannelName);
        Assert.False(stored.Removed);

        var welcome = await bot.Connector.WaitForAsync(r => r.Path == $"/v3/conversations/{conversationId}/activities");
        Assert.Contains("Hi, I'm ArtBot", welcome[0].AllText, StringComparison.Ordinal);
        Assert.Contains("Rocket Team", welcome[0].AllText, StringComparison.Ordinal);
        Assert.Single(bot.Connector.Requests, r => r.Path.Contains(conversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Personal_installation_is_stored_and_removal_marks_it_removed()
    {
        var add = bot.Payload(TeamsPayloads.InstallationAddPersonal);
        var conversationId = add["conversation"]!["id"]!.GetValue<string>();
        await bot.PostAsync(add);
        await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal));

        var remove = bot.Payload(TeamsPayloads.InstallationAddPersonal, conversationId);
        remove["action"] = "remove";
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(remove)).StatusCode);

        var stored = await Store.GetAsync(Tenant, conversationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("personal", stored.ConversationType);
        Assert.True(stored.Removed);
        Assert.NotNull(stored.RemovedAt);
    }

    [Fact]
    public async Task Reinstalling_after_removal_welcomes_again()
    {
        var conversationId = TeamsPayloads.NewConversationId("personal");
        await bot.PostAsync(bot.Payload(TeamsPayloads.InstallationAddPersonal, conversationId));
        var remove = bot.Payload(TeamsPayloads.InstallationAddPersonal, conversationId);
        remove["action"] = "remove";
        await bot.PostAsync(remove);
        await bot.PostAsync(bot.Payload(TeamsPayloads.InstallationAddPersonal, conversationId));

        await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal), count: 2);
        var stored = await Store.GetAsync(Tenant, conversationId, CancellationToken.None);
        Assert.False(stored!.Removed);
    }

    [Fact]
    public async Task Bot_removed_from_team_by_conversationUpdate_marks_it_removed()
    {
        var added = bot.Payload(TeamsPayloads.BotAddedToTeam);
        var conversationId = added["conversation"]!["id"]!.GetValue<string>();
        await bot.PostAsync(added);
        var removed = bot.Payload(TeamsPayloads.BotAddedToTeam, conversationId);
        removed["membersRemoved"] = removed["membersAdded"]!.DeepClone();
        removed.Remove("membersAdded");
        removed["channelData"]!["eventType"] = "teamMemberRemoved";

        await bot.PostAsync(removed);

        Assert.True((await Store.GetAsync(Tenant, conversationId, CancellationToken.None))!.Removed);
    }

    [Fact]
    public async Task A_later_activity_refreshes_the_stored_serviceUrl()
    {
        var add = bot.Payload(TeamsPayloads.InstallationAddPersonal);
        var conversationId = add["conversation"]!["id"]!.GetValue<string>();
        add["serviceUrl"] = "https://smba.trafficmanager.net/amer/old/";
        var oldToken = bot.Tokens.CreateToken(BotHost.AppId, "https://smba.trafficmanager.net/amer/old/");
        await bot.PostRawAsync(add.ToJsonString(), TestTokenIssuer.Bearer(oldToken));
        Assert.Equal("https://smba.trafficmanager.net/amer/old/", (await Store.GetAsync(Tenant, conversationId, CancellationToken.None))!.ServiceUrl);

        await bot.PostAsync(bot.Payload(TeamsPayloads.Reaction, conversationId));

        Assert.Equal(bot.Connector.ServiceUrl, (await Store.GetAsync(Tenant, conversationId, CancellationToken.None))!.ServiceUrl);
    }
}
