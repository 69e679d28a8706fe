using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;
using ArtBot.UnitTests.Schema;

namespace ArtBot.UnitTests.Routing;

public sealed class MentionTextTests
{
    private const string BotId = FixtureActivities.BotId;
    private static readonly ChannelAccount Bot = new() { Id = BotId, Name = "ArtBot" };

    [Fact]
    public void The_bot_mention_of_a_real_channel_message_is_removed()
    {
        Assert.Equal("help", MentionText.RemoveRecipientMention(FixtureActivities.Load(TeamsPayloads.ChannelMention)));
    }

    [Fact]
    public void A_personal_message_without_mentions_is_only_trimmed()
    {
        var activity = FixtureActivities.Load(TeamsPayloads.PersonalMessage) with { Text = "  help me \r\n" };

        Assert.Equal("help me", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Mentions_of_the_bot_are_removed_and_mentions_of_others_kept()
    {
        var activity = Message(
            "<at>ArtBot</at> assign <at>Megan Bowen</at>",
            BotMention("<at>ArtBot</at>"),
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:megan", Name = "Megan Bowen" }, Text = "<at>Megan Bowen</at>" });

        Assert.Equal("assign <at>Megan Bowen</at>", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void A_mention_entity_naming_the_bot_differently_from_its_account_name_is_removed()
    {
        var activity = Message("<at>ArtBot (Dev)</at> help", BotMention("<at>ArtBot (Dev)</at>"));

        Assert.Equal("help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Without_entities_a_leading_at_tag_with_the_bot_name_is_removed()
    {
        var activity = Message("<at>ArtBot</at> help") with { Entities = null };

        Assert.Equal("help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Without_entities_an_at_tag_of_someone_else_is_kept()
    {
        var activity = Message("<at>Megan Bowen</at> help") with { Entities = null };

        Assert.Equal("<at>Megan Bowen</at> help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void A_non_breaking_space_entity_after_the_mention_becomes_a_space()
    {
        var activity = Message("<at>ArtBot</at>&nbsp;vote&nbsp;now", BotMention("<at>ArtBot</at>"));

        Assert.Equal("vote now", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Mention_text_in_another_case_than_the_entity_is_removed()
    {
        var activity = Message("<AT>artbot</AT> help", BotMention("<at>ArtBot</at>"));

        Assert.Equal("help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Line_breaks_inside_the_text_are_preserved()
    {
        var activity = Message("<at>ArtBot</at> risk Supplier late\nOwner: Megan\r\n\r\nDue: PI 4\n", BotMention("<at>ArtBot</at>"));

        Assert.Equal("risk Supplier late\nOwner: Megan\r\n\r\nDue: PI 4", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void A_mention_entity_of_the_bot_with_no_text_falls_back_to_the_bot_name()
    {
        var activity = Message("<at>ArtBot</at> help", new Entity { Type = "mention", Mentioned = Bot });

        Assert.Equal("help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void An_entity_of_another_type_with_the_bot_as_mentioned_is_ignored()
    {
        var activity = Message("<at>X</at> help", new Entity { Type = "clientInfo", Mentioned = Bot, Text = "<at>X</at>" });

        Assert.Equal("<at>X</at> help", MentionText.RemoveRecipientMention(activity));
    }

    [Fact]
    public void No_text_gives_an_empty_string()
    {
        Assert.Equal(string.Empty, MentionText.RemoveRecipientMention(new Activity { Type = ActivityTypes.Message }));
    }

    [Fact]
    public void The_turn_context_exposes_the_mention_free_text()
    {
        var turn = Turns.For(FixtureActivities.Load(TeamsPayloads.ChannelMention));

        Assert.Equal("help", turn.Text);
        Assert.Equal("<at>ArtBot</at> help", turn.Activity.Text);
    }

    private static Entity BotMention(string text) => new() { Type = "mention", Mentioned = Bot, Text = text };

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = Bot,
        Entities = entities,
    };
}
