using System.Text.Json;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;
using static ArtBot.UnitTests.Schema.FixtureActivities;

namespace ArtBot.UnitTests.Schema;

public sealed class ActivityDeserializationTests
{
    [Fact]
    public void Every_fixture_file_is_covered_by_these_tests()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Teams"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Names.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(FixtureActivities))]
    public void Every_fixture_has_the_common_addressing_fields(string name)
    {
        var activity = Load(name);

        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal(ServiceUrl, activity.ServiceUrl);
        Assert.False(string.IsNullOrEmpty(activity.Id));
        Assert.NotNull(activity.Timestamp);
        Assert.Equal(UserId, activity.From?.Id);
        Assert.Equal(UserAadObjectId, activity.From?.AadObjectId);
        Assert.Equal(BotId, activity.Recipient?.Id);
        Assert.Equal("ArtBot", activity.Recipient?.Name);
        Assert.Equal(TenantId, activity.Conversation?.TenantId);
        Assert.Equal(TenantId, activity.ChannelData?.Tenant?.Id);
        Assert.Equal(TenantId, activity.TenantId);
    }

    [Fact]
    public void Personal_message_has_text_conversation_type_and_client_info()
    {
        var activity = Load(TeamsPayloads.PersonalMessage);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1763630042316", activity.Id);
        Assert.Equal("help", activity.Text);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Equal("en-GB", activity.Locale);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 14, 2, TimeSpan.Zero).AddTicks(3361867), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp?.Offset);
        Assert.Equal("Alex Wilber", activity.From?.Name);
        Assert.Equal(PersonalConversationId, activity.Conversation?.Id);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation?.ConversationType);
        Assert.Null(activity.Conversation?.IsGroup);
        Assert.Null(activity.ChannelData?.Team);
        Assert.Null(activity.ChannelData?.Channel);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("text/html", attachment.ContentType);
        Assert.Equal("<p>help</p>", attachment.Content?.GetString());
        var clientInfo = Assert.Single(activity.Entities!);
        Assert.Equal("clientInfo", clientInfo.Type);
        Assert.Null(clientInfo.Mentioned);
        Assert.Equal("Europe/Berlin", clientInfo.ExtensionData!["timezone"].GetString());
        Assert.Equal("Europe/Berlin", activity.LocalTimezone);
    }

    [Fact]
    public void Channel_mention_has_the_mention_entity_channel_and_team()
    {
        var activity = Load(TeamsPayloads.ChannelMention);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("<at>ArtBot</at> help", activity.Text);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation?.ConversationType);
        Assert.True(activity.Conversation?.IsGroup);
        Assert.Equal(ChannelId + ";messageid=1763630411890", activity.Conversation?.Id);
        Assert.Equal(ChannelId, activity.ChannelData?.Channel?.Id);
        Assert.Equal(TeamId, activity.ChannelData?.Team?.Id);
        Assert.Equal(ChannelId, activity.ChannelData?.ExtensionData?["teamsChannelId"].GetString());
        Assert.Equal(TeamId, activity.ChannelData?.ExtensionData?["teamsTeamId"].GetString());

        var mention = Assert.Single(activity.Entities!, e => e.Type == "mention");
        Assert.Equal(BotId, mention.Mentioned?.Id);
        Assert.Equal("ArtBot", mention.Mentioned?.Name);
        Assert.Equal("<at>ArtBot</at>", mention.Text);
        var clientInfo = Assert.Single(activity.Entities!, e => e.Type == "clientInfo");
        Assert.Equal("Windows", clientInfo.ExtensionData!["platform"].GetString());
    }

    [Fact]
    public void Bot_added_to_team_has_members_added_event_type_and_team()
    {
        var activity = Load(TeamsPayloads.BotAddedToTeam);

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal("f:4c1d7b0e-2f8a-1c36-5e9b-0a7d3f2e8c41", activity.Id);
        Assert.Equal(BotId, Assert.Single(activity.MembersAdded!).Id);
        Assert.Null(activity.MembersRemoved);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation?.ConversationType);
        Assert.Equal(TeamId, activity.Conversation?.Id);
        Assert.Equal("teamMemberAdded", activity.ChannelData?.EventType);
        Assert.Equal(TeamId, activity.ChannelData?.Team?.Id);
        Assert.Equal("Rocket Team", activity.ChannelData?.Team?.Name);
        Assert.Equal("0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", activity.ChannelData?.Team?.AadGroupId);
        Assert.Null(activity.ChannelData?.Channel);
        Assert.Equal(
            TeamId,
            activity.ChannelData?.ExtensionData?["settings"].GetProperty("selectedChannel").GetProperty("id").GetString());
        Assert.Null(activity.Text);
        Assert.Null(activity.Entities);
    }

    [Fact]
    public void Personal_installation_has_the_add_action()
    {
        var activity = Load(TeamsPayloads.InstallationAddPersonal);

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal("add", activity.Action);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation?.ConversationType);
        Assert.Equal(PersonalConversationId, activity.Conversation?.Id);
        Assert.Equal("message", activity.ChannelData?.ExtensionData?["source"].GetProperty("name").GetString());
        Assert.Equal("clientInfo", Assert.Single(activity.Entities!).Type);
    }

    [Fact]
    public void Card_action_invoke_has_name_reply_to_id_and_a_typed_value()
    {
        var activity = Load(TeamsPayloads.CardAction);

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("1763630500000", activity.ReplyToId);
        Assert.Equal(ChannelId + ";messageid=1763630500000", activity.Conversation?.Id);
        Assert.Equal(ChannelId, activity.ChannelData?.Channel?.Id);
        Assert.Equal(TeamId, activity.ChannelData?.Team?.Id);
        Assert.Null(activity.ChannelData?.Team?.Name);

        var value = activity.Value!.Value.Deserialize(BotJsonContext.Default.AdaptiveCardInvokeValue)!;
        Assert.Equal("manual", value.Trigger);
        Assert.Equal("Action.Execute", value.Action?.Type);
        Assert.Equal("vote.cast", value.Action?.Verb);
        Assert.Equal("v-01", value.Action?.Data?.GetProperty("voteId").GetString());
        Assert.Equal(4, value.Action?.Data?.GetProperty("value").GetInt32());
    }

    [Fact]
    public void Reaction_has_the_reaction_added_and_the_message_it_is_on()
    {
        var activity = Load(TeamsPayloads.Reaction);

        Assert.Equal(ActivityTypes.MessageReaction, activity.Type);
        Assert.Equal("like", Assert.Single(activity.ReactionsAdded!).Type);
        Assert.Null(activity.ReactionsRemoved);
        Assert.Equal("1763631500000", activity.ReplyToId);
        Assert.Equal(
            "1:1Nn0fB3d2xHqK9t4rC2sYvLz8uW",
            activity.ChannelData?.ExtensionData?["legacy"].GetProperty("replyToId").GetString());
    }

    [Fact]
    public void Property_names_are_matched_without_regard_to_case()
    {
        var activity = JsonSerializer.Deserialize(
            """{"Type":"message","TEXT":"hi","Conversation":{"ID":"c1","ConversationType":"personal"}}""",
            BotJsonContext.Default.Activity)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("c1", activity.Conversation?.Id);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation?.ConversationType);
    }
}
