using System.Text.Json;
using ArtBot.BotFramework.Schema;
using ArtBot.Features.Installation;
using ArtBot.Tests.Shared;
using static ArtBot.UnitTests.Schema.FixtureActivities;

namespace ArtBot.UnitTests.Features;

public sealed class InstallationDescribeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 2, 45, TimeSpan.Zero);

    [Fact]
    public void The_bot_added_to_a_team_is_stored_as_the_General_channel_of_the_team()
    {
        var conversation = InstallationHandlers.Describe(Load(TeamsPayloads.BotAddedToTeam), Now);

        Assert.Equal(TenantId, conversation.TenantId);
        Assert.Equal(TeamId, conversation.ConversationId);
        Assert.Equal(ServiceUrl, conversation.ServiceUrl);
        Assert.Equal(ConversationTypes.Channel, conversation.ConversationType);
        Assert.Equal(TeamId, conversation.TeamId);
        Assert.Equal("Rocket Team", conversation.TeamName);
        Assert.Equal("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", conversation.TeamAadGroupId);
        Assert.Equal(TeamId, conversation.ChannelId);
        Assert.Equal("General", conversation.ChannelName);
        Assert.Null(conversation.ConversationName);
        Assert.Equal(UserId, conversation.InstalledBy);
        Assert.Equal(BotId, conversation.BotId);
        Assert.Equal(Now, conversation.InstalledAt);
        Assert.False(conversation.Removed);
        Assert.Null(conversation.RemovedAt);
    }

    [Fact]
    public void The_personal_installation_is_stored_without_team_or_channel()
    {
        var conversation = InstallationHandlers.Describe(Load(TeamsPayloads.InstallationAddPersonal), Now);

        Assert.Equal(TenantId, conversation.TenantId);
        Assert.Equal(PersonalConversationId, conversation.ConversationId);
        Assert.Equal(ConversationTypes.Personal, conversation.ConversationType);
        Assert.Null(conversation.TeamId);
        Assert.Null(conversation.TeamName);
        Assert.Null(conversation.TeamAadGroupId);
        Assert.Null(conversation.ChannelId);
        Assert.Null(conversation.ChannelName);
        Assert.Equal(UserId, conversation.InstalledBy);
        Assert.Equal(BotId, conversation.BotId);
    }

    [Fact]
    public void An_activity_in_a_channel_thread_is_stored_for_the_channel_with_its_name()
    {
        var payload = TeamsPayloads.Load(TeamsPayloads.CardAction);
        payload["channelData"]!["channel"]!["name"] = "PI Planning";

        var conversation = InstallationHandlers.Describe(payload.Deserialize(BotJsonContext.Default.Activity)!, Now);

        Assert.Equal(ChannelId, conversation.ConversationId);
        Assert.Equal(ChannelId, conversation.ChannelId);
        Assert.Equal("PI Planning", conversation.ChannelName);
        Assert.Equal(TeamId, conversation.TeamId);
    }

    [Fact]
    public void A_group_chat_is_stored_with_its_name_and_no_channel()
    {
        var activity = Load(TeamsPayloads.InstallationAddPersonal) with
        {
            Conversation = new ConversationAccount
            {
                Id = "19:abc@thread.v2",
                ConversationType = ConversationTypes.GroupChat,
                IsGroup = true,
                Name = "ART leads",
                TenantId = TenantId,
            },
        };

        var conversation = InstallationHandlers.Describe(activity, Now);

        Assert.Equal(ConversationTypes.GroupChat, conversation.ConversationType);
        Assert.Equal("ART leads", conversation.ConversationName);
        Assert.Null(conversation.ChannelId);
        Assert.Null(conversation.ChannelName);
    }

    [Fact]
    public void Without_a_conversation_type_a_team_means_channel_and_otherwise_personal()
    {
        var team = Load(TeamsPayloads.BotAddedToTeam);
        var personal = Load(TeamsPayloads.InstallationAddPersonal);

        Assert.Equal(ConversationTypes.Channel, InstallationHandlers.Describe(team with { Conversation = team.Conversation! with { ConversationType = null } }, Now).ConversationType);
        Assert.Equal(ConversationTypes.Personal, InstallationHandlers.Describe(personal with { Conversation = personal.Conversation! with { ConversationType = null } }, Now).ConversationType);
    }

    [Fact]
    public void The_tenant_falls_back_to_channel_data_and_then_to_no_tenant()
    {
        var activity = Load(TeamsPayloads.InstallationAddPersonal);
        var withoutConversationTenant = activity with { Conversation = activity.Conversation! with { TenantId = null } };
        var withoutAnyTenant = withoutConversationTenant with { ChannelData = null };

        Assert.Equal(TenantId, InstallationHandlers.Describe(withoutConversationTenant, Now).TenantId);
        Assert.Equal(ConversationIds.NoTenant, InstallationHandlers.Describe(withoutAnyTenant, Now).TenantId);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1763630411890", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2;MessageId=17", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.skype", "19:abc@thread.skype")]
    [InlineData(PersonalConversationId, PersonalConversationId)]
    [InlineData("", "")]
    public void Without_thread_drops_the_message_id_of_a_channel_thread(string conversationId, string expected)
    {
        Assert.Equal(expected, ConversationIds.WithoutThread(conversationId));
    }

    [Theory]
    [InlineData(TeamsPayloads.PersonalMessage)]
    [InlineData(TeamsPayloads.ChannelMention)]
    [InlineData(TeamsPayloads.CardAction)]
    public void Every_fixture_is_in_the_fixture_tenant(string name)
    {
        Assert.Equal(TenantId, ConversationIds.Tenant(Load(name)));
    }

    [Fact]
    public void A_blank_tenant_is_no_tenant()
    {
        Assert.Equal(ConversationIds.NoTenant, ConversationIds.Tenant(new Activity { Conversation = new ConversationAccount { TenantId = " " } }));
    }
}
