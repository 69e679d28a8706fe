using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Features.Common;

namespace ArtBot.Features.Help;

/// <summary>The help card: what ArtBot does and every command, with how to address the bot in this kind of conversation.</summary>
public static class HelpCard
{
    public const int MaxEchoedCommandLength = 40;

    public static AdaptiveCard Build(IReadOnlyList<BotCommand> commands, string? conversationType, string? unknownCommand)
    {
        var body = new List<CardElement>
        {
            new TextBlock("ArtBot help") { Size = "Large", Weight = "Bolder", Style = "heading" },
        };

        if (!string.IsNullOrEmpty(unknownCommand))
        {
            body.Add(new TextBlock($"I don't know the command \"{Shorten(unknownCommand)}\". Here is what I understand.")
            {
                Color = "Attention",
            });
        }
        else
        {
            body.Add(new TextBlock("ArtBot runs your Agile Release Train's ceremonies in Teams: confidence votes, "
                + "ART sync check-ins, impediments and Inspect & Adapt improvements."));
        }

        body.Add(new TextBlock(conversationType is ConversationTypes.Channel or ConversationTypes.GroupChat
            ? "In a channel or group chat, @mention me first, e.g. **@ArtBot help**."
            : "Type a command, e.g. **help**.")
        {
            IsSubtle = true,
            Spacing = "Small",
        });

        body.Add(new FactSet([.. commands.Select(c => new Fact(Displayed(c.Usage()), c.Description()))]) { Spacing = "Medium" });

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = "ArtBot commands: " + string.Join(", ", commands.Select(c => c.Usage())),
        };
    }

    private static string Shorten(string text)
    {
        var plain = new string([.. text.Where(c => !char.IsControl(c) && c is not ('*' or '_' or '[' or ']' or '<' or '>' or '`'))]);
        if (plain.Length <= MaxEchoedCommandLength)
        {
            return plain;
        }

        // Never cut between the two halves of a surrogate pair (an emoji would show as U+FFFD).
        var cut = char.IsHighSurrogate(plain[MaxEchoedCommandLength - 1]) ? MaxEchoedCommandLength - 1 : MaxEchoedCommandLength;
        return plain[..cut] + "…";
    }

    /// <summary>
    /// The usage as Teams shows it: Teams drops <c>&lt;placeholder&gt;</c> as an HTML tag, so placeholders are shown
    /// in single angle quotation marks instead (<c>vote ‹question›</c>).
    /// </summary>
    public static string Displayed(string usage) => usage.Replace('<', '\u2039').Replace('>', '\u203A');
}
