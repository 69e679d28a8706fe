using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Pulses;

/// <summary>
/// The team's pulse card: the question, the 1-5 scale with its words, an optional word and "Send". The shared card
/// shows how many answered and, from <see cref="PulseRules.MinAnswers"/> answers, the team's figure (average,
/// distribution, words); a person's own view (the answer to their click) also shows their answer.
/// </summary>
public static class PulseCard
{
    public const string SendVerb = "pulse.send";

    /// <summary>Builds the card; <paramref name="mine"/> set: the own view of the person who gave that answer.</summary>
    public static AdaptiveCard Build(PulseResults results, PulseAnswer? mine = null, string? notice = null, string? noticeColor = null)
    {
        var pulse = results.Pulse;
        var figure = results.Figure;
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(pulse.IsInspectAndAdapt ? PulseStrings.CardHeaderInspect : PulseStrings.CardHeader, PlainText.EscapeMarkdown(pulse.Pi), pulse.Iteration))
            { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(PulseStrings.CardTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(PulseStrings.CardQuestion) { Weight = "Bolder" },
        };
        if (pulse.IsInspectAndAdapt)
        {
            body.Add(new TextBlock(Localized.Format(PulseStrings.CardInspect, PlainText.EscapeMarkdown(pulse.Pi))));
        }

        if (!pulse.IsClosed)
        {
            body.Add(new TextBlock(Localized.Format(PulseStrings.CardAnonymous, PulseRules.MinAnswers)) { IsSubtle = true, Size = "Small" });
        }

        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good"));
        }

        if (mine is not null)
        {
            body.Add(new TextBlock(mine.Word is { } word
                ? Localized.Format(PulseStrings.CardYourAnswerWord, ScoreText(mine.Score), PlainText.EscapeMarkdown(word))
                : Localized.Format(PulseStrings.CardYourAnswer, ScoreText(mine.Score))) { Color = "Accent" });
        }

        body.AddRange(FigureSection(figure));
        if (pulse.IsClosed)
        {
            body.Add(new TextBlock(Localized.Format(PulseStrings.CardClosed, pulse.Iteration)) { IsSubtle = true, Separator = true });
            return new AdaptiveCard { Body = body, FallbackText = PulseStrings.CardFallback };
        }

        body.Add(new ChoiceSetInput([.. Enumerable.Range(PulseRules.MinScore, PulseRules.MaxScore - PulseRules.MinScore + 1).Select(s => new Choice(ScoreText(s), s.ToString(CultureInfo.InvariantCulture)))])
        {
            Id = PulseSendData.ScoreInput,
            Label = PulseStrings.CardScoreLabel,
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = PulseStrings.ErrorScore,
            Value = mine?.Score.ToString(CultureInfo.InvariantCulture),
            Separator = true,
        });
        body.Add(new TextInput
        {
            Id = PulseSendData.WordInput,
            Label = Localized.Format(PulseStrings.CardWordLabel, PulseRules.MaxWordLength),
            Placeholder = PulseStrings.CardWordPlaceholder,
            MaxLength = PulseRules.MaxWordLength,
            Value = mine?.Word,
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction(PulseStrings.CardSend, SendVerb, CardData.Write(new PulseSendData { Pi = pulse.Pi, Iteration = pulse.Iteration }, PulseCardDataContext.Default.PulseSendData))
                {
                    Id = "pulse-send",
                    Style = "positive",
                },
            ],
            FallbackText = PulseStrings.CardFallback,
        };
    }

    /// <summary>"4 · Satisfied": a score with the scale's word.</summary>
    public static string ScoreText(int score) => Localized.Format(PulseStrings.CardScoreChoice, score, ScaleWord(score));

    public static string ScaleWord(int score) => score switch
    {
        1 => PulseStrings.Scale1,
        2 => PulseStrings.Scale2,
        3 => PulseStrings.Scale3,
        4 => PulseStrings.Scale4,
        _ => PulseStrings.Scale5,
    };

    private static IEnumerable<CardElement> FigureSection(PulseFigure figure)
    {
        yield return new TextBlock(figure.Answered switch
        {
            0 => PulseStrings.CardAnsweredNone,
            1 => PulseStrings.CardAnsweredOne,
            var n => Localized.Format(PulseStrings.CardAnsweredOther, n),
        })
        { Weight = "Bolder", Separator = true };
        if (figure.Average is not { } average)
        {
            yield return new TextBlock(Localized.Format(PulseStrings.CardBelowThreshold, PulseRules.MinAnswers)) { IsSubtle = true };
            yield break;
        }

        yield return new TextBlock(Localized.Format(PulseStrings.CardFigure, Localized.Number(average))) { Size = "Medium", Weight = "Bolder" };
        yield return new FactSet([.. figure.Distribution.Select((count, i) => new Fact(ScoreText(PulseRules.MinScore + i), Localized.Count(count))).Reverse()]);
        if (figure.Words.Count > 0)
        {
            yield return new TextBlock(Localized.Format(PulseStrings.CardWords, PlainText.EscapeMarkdown(string.Join(", ", figure.Words))));
        }
    }
}
