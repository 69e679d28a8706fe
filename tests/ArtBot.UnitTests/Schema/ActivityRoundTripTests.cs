using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;
using static ArtBot.UnitTests.Schema.FixtureActivities;

namespace ArtBot.UnitTests.Schema;

public sealed class ActivityRoundTripTests
{
    [Theory]
    [MemberData(nameof(All), MemberType = typeof(FixtureActivities))]
    public void Every_fixture_serialises_back_to_the_same_json(string name)
    {
        var original = JsonNode.Parse(Text(name))!.AsObject();

        var written = JsonNode.Parse(JsonSerializer.Serialize(Load(name), BotJsonContext.Default.Activity))!.AsObject();

        // Timestamps are typed (DateTimeOffset): "…Z" comes back as "…+00:00", the same instant and offset.
        foreach (var key in new[] { "timestamp", "localTimestamp" })
        {
            Assert.Equal(original.ContainsKey(key), written.ContainsKey(key));
            if (original.ContainsKey(key))
            {
                var before = DateTimeOffset.Parse(original[key]!.GetValue<string>(), CultureInfo.InvariantCulture);
                var after = DateTimeOffset.Parse(written[key]!.GetValue<string>(), CultureInfo.InvariantCulture);
                Assert.Equal(before, after);
                Assert.Equal(before.Offset, after.Offset);
                original.Remove(key);
                written.Remove(key);
            }
        }

        Assert.True(
            JsonNode.DeepEquals(original, written),
            $"{name} changed in a round trip:\n{written?.ToJsonString()}");
    }

    [Theory]
    [InlineData(TeamsPayloads.PersonalMessage, "localTimezone")]
    [InlineData(TeamsPayloads.PersonalMessage, "entities[0].platform")]
    [InlineData(TeamsPayloads.ChannelMention, "channelData.teamsChannelId")]
    [InlineData(TeamsPayloads.BotAddedToTeam, "channelData.settings.selectedChannel.id")]
    [InlineData(TeamsPayloads.InstallationAddPersonal, "channelData.source.name")]
    [InlineData(TeamsPayloads.CardAction, "channelData.legacy.replyToId")]
    [InlineData(TeamsPayloads.CardAction, "value.action.title")]
    public void Fields_the_model_does_not_type_survive_a_round_trip(string name, string path)
    {
        var original = JsonNode.Parse(Text(name))!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(Load(name), BotJsonContext.Default.Activity))!;

        var expected = Find(original, path);
        Assert.NotNull(expected);
        Assert.True(JsonNode.DeepEquals(expected, Find(written, path)), $"{path} was lost or changed");
    }

    [Fact]
    public void Unknown_fields_on_an_attachment_survive_a_round_trip()
    {
        const string json = """
            {"type":"message","attachments":[{"contentType":"text/html","content":"<p>x</p>","id":"att-1","fileType":"html","extra":{"n":[1,2]}}]}
            """;

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity), BotJsonContext.Default.Activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Tenant_id_comes_from_the_conversation_first()
    {
        var activity = new Activity
        {
            Conversation = new ConversationAccount { Id = "c", TenantId = "from-conversation" },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo("from-channel-data") },
        };

        Assert.Equal("from-conversation", activity.TenantId);
    }

    [Fact]
    public void Tenant_id_falls_back_to_channel_data_tenant()
    {
        var payload = TeamsPayloads.Load(TeamsPayloads.PersonalMessage);
        payload["conversation"]!.AsObject().Remove("tenantId");

        var activity = payload.Deserialize(BotJsonContext.Default.Activity)!;

        Assert.Null(activity.Conversation?.TenantId);
        Assert.Equal(TenantId, activity.TenantId);
    }

    [Fact]
    public void Tenant_id_is_null_without_either()
    {
        Assert.Null(new Activity { Conversation = new ConversationAccount { Id = "c" } }.TenantId);
        Assert.Null(new Activity().TenantId);
    }

    [Fact]
    public void Tenant_id_is_not_written_as_a_property_of_the_activity()
    {
        var activity = new Activity { Type = "message", Conversation = new ConversationAccount { Id = "c", TenantId = "t" } };

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity))!.AsObject();

        Assert.False(written.ContainsKey("tenantId"));
        Assert.Equal("t", written["conversation"]!["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public void Serialising_omits_null_properties_at_every_level()
    {
        var activity = Activity.CreateMessage("hi") with
        {
            From = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:1" },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo("t") },
            Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:u" }, Text = "<at>U</at>" }],
        };

        var written = JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
        Assert.True(
            JsonNode.DeepEquals(
                JsonNode.Parse("""
                    {"type":"message","text":"hi","from":{"id":"28:bot"},"conversation":{"id":"a:1"},
                     "channelData":{"tenant":{"id":"t"}},
                     "entities":[{"type":"mention","mentioned":{"id":"29:u"},"text":"<at>U</at>"}]}
                    """),
                JsonNode.Parse(written)),
            written);
    }

    [Fact]
    public void Property_names_are_written_in_camel_case()
    {
        var activity = new Activity { Type = "message", ReplyToId = "r", ServiceUrl = "https://x/", Conversation = new ConversationAccount { ConversationType = "personal", IsGroup = false } };

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity))!.AsObject();

        Assert.Equal(["conversation", "replyToId", "serviceUrl", "type"], written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"conversationType":"personal","isGroup":false}"""), written["conversation"]));
    }

    private static JsonNode? Find(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            var index = part.IndexOf('[', StringComparison.Ordinal);
            node = index < 0 ? node?[part] : node?[part[..index]]?[int.Parse(part[(index + 1)..^1], CultureInfo.InvariantCulture)];
        }

        return node;
    }
}
