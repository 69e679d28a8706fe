using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.Planning;

/// <summary>The one-sentence texts of PI planning (an objective, a dependency): one line, not empty, not too long.</summary>
public static class PlanText
{
    /// <summary>
    /// The text as one line, or why it is refused: <paramref name="empty"/> when there is none,
    /// <paramref name="tooLong"/> (a format: {0} the most, {1} the length) when it is longer than <paramref name="max"/>.
    /// </summary>
    public static Checked<string> CheckSentence(string? text, int max, string tooLong, string empty)
    {
        var clean = PlainText.OneLine(text);
        return clean.Length == 0 ? Checked.Fail<string>(empty)
            : clean.Length > max ? Checked.Fail<string>(Localized.Format(tooLong, max, clean.Length))
            : Checked.Ok(clean);
    }
}
