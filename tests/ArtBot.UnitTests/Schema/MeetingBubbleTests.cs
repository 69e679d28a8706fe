using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Schema;

/// <summary>The in-meeting notification: the documented bubble link and channelData.notification.</summary>
public sealed class MeetingBubbleTests
{
    private const string AppId = "7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static readonly Uri Page = new("https://bot.example/room/ballot.html?vote=v-1&lang=de");

    [Fact]
    public void The_url_has_the_documented_form_with_the_page_escaped()
    {
        // Documented: https://teams.microsoft.com/l/bubble/APP_ID?url=<url>&height=<height>&width=<width>&title=<title>&completionBotId=BOT_APP_ID
        var url = MeetingBubble.Url(AppId, Page, width: 280, height: 300, title: "Vote: PI 7", completionBotId: AppId);

        Assert.Equal(
            $"https://teams.microsoft.com/l/bubble/{AppId}?url=https%3A%2F%2Fbot.example%2Froom%2Fballot.html%3Fvote%3Dv-1%26lang%3Dde"
            + $"&height=300&width=280&title=Vote%3A%20PI%207&completionBotId={AppId}",
            url);
    }

    [Fact]
    public void Each_parameter_reads_back_as_given()
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(MeetingBubble.Url(AppId, Page, 460, 300, "Ça & là", AppId)).Query);

        Assert.Equal(["url", "height", "width", "title", "completionBotId"], query.AllKeys.Select(k => k ?? ""));
        Assert.Equal(Page.AbsoluteUri, query["url"]);
        Assert.Equal("300", query["height"]);
        Assert.Equal("460", query["width"]);
        Assert.Equal("Ça & là", query["title"]);
    }

    [Fact]
    public void The_completion_bot_is_optional()
    {
        var url = MeetingBubble.Url(AppId, Page, 280, 300, "Vote", completionBotId: null);

        Assert.DoesNotContain("completionBotId", url, StringComparison.Ordinal);
        Assert.EndsWith("&title=Vote", url, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_sets_the_documented_notification_fields()
    {
        var bubble = MeetingBubble.Url(AppId, Page, 280, 300, "Vote", AppId);
        var message = Activity.CreateMessage("Vote now") with { ChannelData = new TeamsChannelData { Notification = MeetingBubble.Alert(bubble) } };

        var notification = JsonNode.Parse(JsonSerializer.Serialize(message, BotJsonContext.Default.Activity))!["channelData"]!["notification"]!;

        Assert.True(notification["alertInMeeting"]!.GetValue<bool>());
        Assert.Equal(bubble, notification["externalResourceUrl"]!.GetValue<string>());
        Assert.True(notification["alert"]!.GetValue<bool>());
    }
}
