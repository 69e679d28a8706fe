using ArtBot.Storage.Conversations;
using Azure.Data.Tables;
using Microsoft.Playwright;

namespace ArtBot.EndToEnd;

/// <summary>
/// Microsoft's Teams emulator drives the bot in headless Chromium, as a newcomer would in a browser:
/// the installation is stored in Azurite, the welcome card and the help card render in the chat.
/// </summary>
public sealed class PlaygroundTests(LocalTeams teams) : IClassFixture<LocalTeams>
{
    [Fact]
    public async Task Opening_the_personal_chat_installs_the_bot_and_help_answers_with_the_help_card()
    {
        await PlaygroundBrowser.RunAsync(teams, "help", async page =>
        {
            // Opening the chat installs the bot: the welcome card arrives and the conversation is stored.
            await Assertions.Expect(page.GetByText("Hi, I'm ArtBot").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var stored = await new ConversationStore(new TableServiceClient(teams.StorageConnectionString).GetTableClient(ConversationStore.TableName))
                .GetAsync(LocalTeams.TenantId, LocalTeams.PersonalChatId, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal("personal", stored.ConversationType);
            Assert.Contains("/_connector", stored.ServiceUrl, StringComparison.Ordinal);
            Assert.False(stored.Removed);

            await PlaygroundBrowser.SendAsync(page, "help");

            await Assertions.Expect(page.GetByText("ArtBot help").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Show what ArtBot can do").First).ToBeVisibleAsync();
        });
    }

}
