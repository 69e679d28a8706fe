using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.Features.Impediments;
using ArtBot.UnitTests.Schema;
using ArtBot.Tests.Shared;

namespace ArtBot.UnitTests.Impediments;

public sealed class MessageExtensionPrefillTests
{
    private static MessageActionsPayload Payload() =>
        System.Text.Json.JsonSerializer.Deserialize(
            FixtureActivities.Load(TeamsPayloads.FetchTaskMessage).Value!.Value, BotJsonContext.Default.MessagingExtensionAction)!.MessagePayload!;

    [Fact]
    public void The_dialog_is_prefilled_from_the_message_without_html()
    {
        var values = ImpedimentMessageExtension.Prefill(Payload(), "Phoenix");

        Assert.Equal("The test environment has been down since Monday & we cannot deploy the PI 7 release candidate.", values.Title);
        Assert.Equal(
            "The test environment has been down since Monday & we cannot deploy the PI 7 release candidate.\nOps ticket INC-4711 is still unassigned. Megan can you help?",
            values.Description);
        Assert.DoesNotContain("<", values.Description, StringComparison.Ordinal);
        Assert.Equal("Lee Gu", values.SourceAuthor);
        Assert.StartsWith("https://teams.microsoft.com/l/message/", values.SourceLink, StringComparison.Ordinal);
        Assert.Equal("1763631200456", values.SourceMessageId);
        Assert.Equal("Phoenix", values.Team);
        Assert.Null(values.Notice);
    }

    [Fact]
    public void A_message_without_a_body_gives_an_empty_dialog_with_a_notice()
    {
        var values = ImpedimentMessageExtension.Prefill(Payload() with { Body = null }, null);

        Assert.Equal("", values.Title);
        Assert.Equal("", values.Description);
        Assert.Contains("no text", values.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_message_is_cut_to_the_limits_with_a_notice()
    {
        var payload = Payload() with { Body = new MessageActionsPayloadBody { ContentType = "html", Content = "<p>" + new string('x', 50_000) + "</p>" } };

        var values = ImpedimentMessageExtension.Prefill(payload, null);

        Assert.Equal(ImpedimentRules.MaxDescriptionLength, values.Description.Length);
        Assert.True(values.Title.Length <= ImpedimentRules.MaxTitleLength);
        Assert.Contains("50000 characters", values.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_context_without_a_message_starts_empty()
    {
        var values = ImpedimentMessageExtension.Prefill(null, null);

        Assert.Equal("", values.Title);
        Assert.Null(values.Notice);
        Assert.Null(values.SourceLink);
    }
}
