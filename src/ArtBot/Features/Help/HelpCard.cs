using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Help;

/// <summary>
/// The help card: what ArtBot does, how to address it here, and every command grouped by the ceremony it serves,
/// each group with buttons for its common starts (they send the command as the user, as if typed).
/// </summary>
public static class HelpCard
{
    public const int MaxEchoedCommandLength = 40;

    /// <summary>The ceremonies, the commands each lists (in this order) and its start buttons (title, command sent).</summary>
    private static IEnumerable<(string Heading, string[] Commands, (string Title, string Command)[] Starts)> Groups() =>
    [
        (HelpStrings.GroupPiPlanning, ["vote", "votes", "objectives", "dependency", "dependencies", "features", "feature", "plan", "milestones", "milestone", "backlog"],
            [(HelpStrings.StartVote, "vote"), (HelpStrings.ShowObjectives, "objectives")]),
        (HelpStrings.GroupSync, ["sync", "demo", "impediment", "blocked", "impediments", "risks"],
            [(HelpStrings.RaiseImpediment, "impediment"), (HelpStrings.ShowImpediments, "impediments")]),
        (HelpStrings.GroupInspect, ["inspect", "improve", "improvements", "predictability", "review", "pulse", "integration"],
            [(HelpStrings.ShowImprovements, "improvements")]),
        (HelpStrings.GroupSetup, ["art", "pi", "help"], [(HelpStrings.OpenArt, "art")]),
    ];

    public static AdaptiveCard Build(IReadOnlyList<BotCommand> commands, string? conversationType, string? unknownCommand)
    {
        var body = new List<CardElement>
        {
            new TextBlock(HelpStrings.Title) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };

        if (!string.IsNullOrEmpty(unknownCommand))
        {
            body.Add(new Container([new TextBlock(Localized.Format(HelpStrings.UnknownCommand, Shorten(unknownCommand)))]) { Style = "attention" });
        }
        else
        {
            body.Add(new TextBlock(HelpStrings.Intro));
        }

        body.Add(new TextBlock(conversationType is ConversationTypes.Channel or ConversationTypes.GroupChat
            ? HelpStrings.HowToAddressChannel
            : HelpStrings.HowToAddressPersonal)
        {
            IsSubtle = true,
            Spacing = "Small",
        });

        var byName = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (heading, names, starts) in Groups())
        {
            var members = names.Where(byName.ContainsKey).Select(n => byName[n]).ToList();
            listed.UnionWith(members.Select(m => m.Name));
            body.AddRange(Group(heading, members, starts.Where(s => byName.ContainsKey(s.Command))));
        }

        body.AddRange(Group(HelpStrings.GroupOther, [.. commands.Where(c => !listed.Contains(c.Name))], []));

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = Localized.Format(HelpStrings.FallbackText, string.Join(", ", commands.Select(c => c.Usage()))),
        };
    }

    private static IEnumerable<CardElement> Group(string heading, List<BotCommand> members, IEnumerable<(string Title, string Command)> starts)
    {
        if (members.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(heading) { Weight = "Bolder", Style = "heading", Separator = true, Spacing = "Medium" };
        yield return new FactSet([.. members.Select(c => new Fact(Displayed(c.Usage()), c.Description()))]) { Spacing = "Small" };
        // imBack: Teams posts the command as the user's own message, so it works like typing it.
        var buttons = starts.Select(s => (CardAction)SubmitAction.ImBack(s.Title, s.Command)).ToList();
        if (buttons.Count > 0)
        {
            yield return new ActionSet(buttons) { Spacing = "Small" };
        }
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
