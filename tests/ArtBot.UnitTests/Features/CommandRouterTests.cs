using System.Text.Json;
using ArtBot.BotFramework.Schema;
using ArtBot.Features.Common;
using ArtBot.UnitTests.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.UnitTests.Features;

public sealed class CommandRouterTests
{
    private readonly List<(string Command, string Arguments)> _calls = [];
    private readonly CommandRouter _router;

    public CommandRouterTests() => _router = new CommandRouter(
        [Command("help"), Command("vote")],
        NullLogger<CommandRouter>.Instance);

    [Theory]
    [InlineData("vote Are we confident?", "vote", "Are we confident?")]
    [InlineData("<at>ArtBot</at> VOTE  Are we confident?", "vote", "Are we confident?")]
    [InlineData("/help", "help", "")]
    public async Task The_first_word_names_the_command_and_the_rest_are_its_arguments(string text, string command, string arguments)
    {
        await _router.HandleMessageAsync(Turn(text), CancellationToken.None);

        Assert.Equal([(command, arguments)], _calls);
    }

    [Theory]
    [InlineData("frobnicate the train", "frobnicate the train")]
    [InlineData("<at>ArtBot</at>", "")]
    [InlineData("", "")]
    public async Task Text_naming_no_command_goes_to_help_with_the_whole_text(string text, string arguments)
    {
        await _router.HandleMessageAsync(Turn(text), CancellationToken.None);

        Assert.Equal([("help", arguments)], _calls);
    }

    [Fact]
    public async Task A_card_submit_without_text_is_not_a_command()
    {
        using var value = JsonDocument.Parse("""{"verb":"vote.cast"}""");
        var turn = Turns.For(Message(null) with { Value = value.RootElement.Clone() });

        await _router.HandleMessageAsync(turn, CancellationToken.None);

        Assert.Empty(_calls);
    }

    [Fact]
    public void Commands_keep_their_registration_order()
    {
        Assert.Equal(["help", "vote"], _router.Commands.Select(c => c.Name));
    }

    private BotCommand Command(string name) => new(name, () => name, () => name, (_, arguments, _) =>
    {
        _calls.Add((name, arguments));
        return Task.CompletedTask;
    });

    private static ArtBot.BotFramework.Routing.TurnContext Turn(string text) => Turns.For(Message(text));

    private static Activity Message(string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m-1",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ArtBot" },
        Conversation = new ConversationAccount { Id = "a:1" },
    };
}
