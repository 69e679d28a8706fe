using System.Text.Json;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Bot;

/// <summary><c>help</c> and unknown commands answer with the help card in every kind of conversation.</summary>
[Collection(BotTests.Name)]
public sealed class HelpTests(BotHost bot)
{
    [Theory]
    [InlineData(TeamsPayloads.PersonalMessage, "help")]
    [InlineData(TeamsPayloads.ChannelMention, "<at>ArtBot</at> help")]
    [InlineData(TeamsPayloads.ChannelMention, "<at>ArtBot</at> HELP ")]
    public async Task Help_answers_with_an_adaptive_card_listing_the_commands(string payload, string text)
    {
        var activity = bot.Payload(payload);
        activity["text"] = text;
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        await bot.PostAsync(activity);

        var sent = (await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal)))[0];
        var card = Assert.Single(sent.Cards);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("ArtBot help", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("I don't know", card.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(activity["conversation"]!["id"]!.GetValue<string>(), sent.Body!.Value.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_command_answers_with_help_naming_it()
    {
        var activity = bot.Payload(TeamsPayloads.ChannelMention);
        activity["text"] = "<at>ArtBot</at> frobnicate the train";
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        await bot.PostAsync(activity);

        var sent = (await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal)))[0];
        var text = string.Join("\n", RecordedRequest.Strings(Assert.Single(sent.Cards)));
        Assert.Contains("I don't know the command", text, StringComparison.Ordinal);
        Assert.Contains("frobnicate", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_submit_without_text_is_not_answered_with_help()
    {
        var activity = bot.Payload(TeamsPayloads.PersonalMessage);
        activity["text"] = null;
        activity["value"] = JsonSerializer.SerializeToNode(new { verb = "something" });
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        await bot.PostAsync(activity);

        // A following help is the first thing the connector sees in this conversation.
        await bot.PostAsync(bot.Payload(TeamsPayloads.PersonalMessage, conversationId));
        await bot.Connector.WaitForAsync(r => r.Path.Contains(conversationId, StringComparison.Ordinal));
        Assert.Single(bot.Connector.Requests, r => r.Path.Contains(conversationId, StringComparison.Ordinal));
    }
}
