using System.Globalization;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.Votes;

/// <summary>The pure rules of confidence votes: outcome, ballot values, questions.</summary>
public static class VoteRules
{
    /// <summary>Longest question accepted (characters, after clean-up).</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>SAFe: an average of 3 or more accepts the commitment; below 3 the plan is reworked.</summary>
    public static VoteOutcome OutcomeOf(VoteTally tally) =>
        tally.Average >= 3 ? VoteOutcome.CommitmentAccepted : VoteOutcome.ReworkAndVoteAgain;

    public static string Describe(VoteOutcome outcome) => outcome switch
    {
        VoteOutcome.CommitmentAccepted => VoteRuleStrings.OutcomeAccepted,
        VoteOutcome.ReworkAndVoteAgain => VoteRuleStrings.OutcomeRework,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>
    /// Reads a ballot value sent by a card: a whole number 1-5, as a number or a string. Anything else is refused.
    /// </summary>
    public static bool TryParseValue(string? text, out int value)
    {
        var ok = int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && VoteScale.IsValid(parsed);
        value = ok ? parsed : 0;
        return ok;
    }

    /// <summary>
    /// Cleans a question for display as plain text: HTML tags removed, Markdown characters escaped, whitespace
    /// collapsed. Null with a reason when it is empty or longer than <see cref="MaxQuestionLength"/>.
    /// </summary>
    public static QuestionCheck CheckQuestion(string? text)
    {
        var collapsed = PlainText.OneLine(text);
        if (collapsed.Length == 0)
        {
            return new QuestionCheck(null, VoteRuleStrings.QuestionEmpty);
        }

        if (collapsed.Length > MaxQuestionLength)
        {
            return new QuestionCheck(null, Localized.Format(VoteRuleStrings.QuestionTooLong, collapsed.Length, MaxQuestionLength));
        }

        return new QuestionCheck(PlainText.EscapeMarkdown(collapsed), null);
    }

    /// <summary>Longest concern accepted (characters).</summary>
    public const int MaxConcernLength = 1000;

    /// <summary>Cleans a concern like a question; null with a reason when empty or too long.</summary>
    public static QuestionCheck CheckConcern(string? text)
    {
        var collapsed = PlainText.OneLine(text);
        return collapsed.Length switch
        {
            0 => new QuestionCheck(null, VoteRuleStrings.ConcernEmpty),
            > MaxConcernLength => new QuestionCheck(null, Localized.Format(VoteRuleStrings.ConcernTooLong, MaxConcernLength)),
            _ => new QuestionCheck(PlainText.EscapeMarkdown(collapsed), null),
        };
    }


}

/// <summary>The result of <see cref="VoteRules.CheckQuestion"/>: the clean question, or why it was refused.</summary>
public sealed record QuestionCheck(string? Question, string? Error);
