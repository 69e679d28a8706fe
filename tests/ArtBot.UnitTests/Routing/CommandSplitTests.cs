using ArtBot.Features.Common;

namespace ArtBot.UnitTests.Routing;

public sealed class CommandSplitTests
{
    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("/help", "help", "")]
    [InlineData("HELP  me", "help", "me")]
    [InlineData("  Vote   Are we confident in PI 4?  ", "vote", "Are we confident in PI 4?")]
    [InlineData("help\tme", "help", "me")]
    [InlineData("risk\nSupplier late\nOwner: Megan", "risk", "Supplier late\nOwner: Megan")]
    [InlineData("risk\r\nSupplier late", "risk", "Supplier late")]
    [InlineData("//help", "help", "")]
    [InlineData("", "", "")]
    [InlineData(" \t\r\n ", "", "")]
    public void Text_splits_into_a_lower_case_command_word_and_the_rest(string text, string word, string arguments)
    {
        Assert.Equal((word, arguments), CommandRouter.Split(text));
    }
}
