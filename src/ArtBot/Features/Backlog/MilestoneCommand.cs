using ArtBot.Domain.Planning;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>What <c>milestone add &lt;yyyy-MM-dd&gt; &lt;title&gt; [release|event|external]</c> asks for.</summary>
public sealed record MilestoneCommand(DateOnly Date, string Title, MilestoneKind Kind)
{
    /// <summary>The date, the title and the kind (its last word when it names one; a release otherwise); null when malformed.</summary>
    public static MilestoneCommand? Parse(string arguments)
    {
        var (first, rest) = CommandRouter.Split(arguments);
        if (!CommandRouter.TryDate(first, out var date) || rest.Length == 0)
        {
            return null;
        }

        var last = rest.LastIndexOf(' ');
        var word = last < 0 ? rest : rest[(last + 1)..];
        if (last > 0 && Enum.TryParse<MilestoneKind>(word, ignoreCase: true, out var kind) && !int.TryParse(word, out _))
        {
            return new(date, rest[..last].Trim(), kind);
        }

        return new(date, rest, MilestoneKind.Release);
    }
}
