using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;

namespace ArtBot.UnitTests.Routing;

/// <summary>
/// Every verb the bot answers has a stored payload as an earlier card sent it (replayed by the integration tests'
/// CardActionReplayTests), so a new verb comes with one and a changed card cannot strand the cards already posted.
/// </summary>
public sealed class CardActionFixtureTests
{
    [Fact]
    public void Every_verb_the_bot_answers_has_a_stored_payload()
    {
        var stored = CardActionFixtures.All().Select(f => f.Verb).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(AppCommands.Verbs.Where(verb => !stored.Contains(verb)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_stored_payload_is_an_action_the_bot_answers_as_teams_sends_it()
    {
        var fixtures = CardActionFixtures.All();

        Assert.NotEmpty(fixtures);
        Assert.All(fixtures, fixture =>
        {
            if (fixture.Verb is null)
            {
                Assert.Equal(MessagingExtensionAction.SubmitActionInvoke, fixture.Invoke);
                Assert.Equal("raiseImpediment", fixture.Value["commandId"]?.GetValue<string>());
                return;
            }

            Assert.Contains(fixture.Verb, AppCommands.Verbs);
            Assert.Equal("adaptiveCard/action", fixture.Invoke);
            var action = fixture.Value["action"]!;
            Assert.Equal(("Action.Execute", fixture.Verb), (action["type"]!.GetValue<string>(), action["verb"]!.GetValue<string>()));
            Assert.NotNull(action["data"]);
            Assert.StartsWith(fixture.Verb, fixture.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_message_extensions_dialog_submit_has_a_stored_payload()
    {
        Assert.Contains(CardActionFixtures.All(), f => f.Invoke == MessagingExtensionAction.SubmitActionInvoke);
    }
}
