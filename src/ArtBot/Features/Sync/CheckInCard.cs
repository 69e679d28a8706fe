using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Sync;

/// <summary>
/// The check-in prompt a team channel gets before the ART sync: status toward the PI objectives, progress, up to three
/// blockers and three dependencies (each can be flagged "needs help"), milestones or scope changes. Answered with
/// Action.Execute (<see cref="AnswerVerb"/>); once answered it shows the answer and who gave it, and stays editable
/// until the sync closes.
/// </summary>
public static class CheckInCard
{
    public const string AnswerVerb = "sync.answer";
    public static AdaptiveCard Build(Art art, SyncOccurrence occurrence, string teamName, CheckInAnswer? answer, bool closed, string? notice = null)
    {
        var when = SyncText.When(art, occurrence);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(SyncStrings.CardTitle, teamName)) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(SyncStrings.CardSubtitle, art.Name, when) + (art.CurrentPi is { } pi ? $" \u00b7 {pi.Name}" : "")) { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good", bolder: true));
        }

        if (answer is not null)
        {
            body.Add(new Container(AnswerElements(answer)) { Style = "emphasis" });
        }

        if (closed)
        {
            body.Add(new TextBlock(answer is null
                ? SyncStrings.CardClosedNotGiven
                : SyncStrings.CardClosedAnswered) { IsSubtle = true });
            return new AdaptiveCard { Body = body, FallbackText = Localized.Format(SyncStrings.CardFallback, teamName) };
        }

        body.Add(new TextBlock(answer is null
            ? SyncStrings.CardIntroNew
            : SyncStrings.CardIntroChange) { Wrap = true });
        body.Add(new ChoiceSetInput(
        [
            new Choice(SyncStrings.StatusOnTrack, CheckInRules.OnTrackValue),
            new Choice(SyncStrings.StatusAtRisk, CheckInRules.AtRiskValue),
            new Choice(SyncStrings.StatusOffTrack, CheckInRules.OffTrackValue),
        ])
        {
            Id = CheckInAnswerData.StatusInput,
            Label = SyncStrings.FormStatusLabel,
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = SyncStrings.FormStatusError,
            Value = answer is null ? null : CheckInRules.ValueOf(answer.Status),
        });
        body.Add(Text(CheckInAnswerData.ProgressInput, SyncStrings.FormProgressLabel, answer?.Progress, multiline: true));
        for (var slot = 0; slot < CheckInRules.ItemSlots; slot++)
        {
            body.AddRange(Item(CheckInAnswerData.BlockerInputs[slot], Localized.Format(SyncStrings.FormBlockerLabel, slot + 1), answer?.Blockers.ElementAtOrDefault(slot)));
        }

        for (var slot = 0; slot < CheckInRules.ItemSlots; slot++)
        {
            body.AddRange(Item(CheckInAnswerData.DependencyInputs[slot], Localized.Format(SyncStrings.FormDependencyLabel, slot + 1), answer?.Dependencies.ElementAtOrDefault(slot)));
        }

        body.Add(Text(CheckInAnswerData.MilestonesInput, SyncStrings.FormMilestonesLabel, answer?.Milestones, multiline: true));
        var data = CardData.Write(new CheckInAnswerData { ArtId = art.Id, Occurrence = occurrence.Id }, SyncCardDataContext.Default.CheckInAnswerData);
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(answer is null ? SyncStrings.FormSend : SyncStrings.FormUpdate, AnswerVerb, data) { AssociatedInputs = "auto" }],
            FallbackText = Localized.Format(SyncStrings.CardFallback, teamName),
        };
    }

    private static List<CardElement> AnswerElements(CheckInAnswer answer)
    {
        var by = answer.AnsweredBy.Name is { Length: > 0 } name ? name : SyncStrings.AnswerSomeone;
        var facts = new List<Fact>
        {
            new(SyncStrings.FactStatus, CheckInRules.Describe(answer.Status)),
            new(SyncStrings.FactAnsweredBy, Localized.Format(SyncStrings.FactAnsweredByValue, by, SyncText.DayMonthTime(answer.AnsweredAt))),
        };
        if (answer.Progress.Length > 0)
        {
            facts.Add(new(SyncStrings.FactProgress, answer.Progress));
        }

        facts.AddRange(answer.Blockers.Select((b, i) => new Fact(Localized.Format(SyncStrings.FactBlocker, i + 1), SyncText.Item(b))));
        facts.AddRange(answer.Dependencies.Select((d, i) => new Fact(Localized.Format(SyncStrings.FactDependency, i + 1), SyncText.Item(d))));
        if (answer.Milestones.Length > 0)
        {
            facts.Add(new(SyncStrings.FactMilestones, answer.Milestones));
        }

        return [new TextBlock(SyncStrings.AnswerTitle) { Weight = "Bolder" }, new FactSet(facts)];
    }

    private static TextInput Text(string id, string label, string? value, bool multiline) => new()
    {
        Id = id,
        Label = label,
        Value = string.IsNullOrEmpty(value) ? null : value,
        IsMultiline = multiline,
        MaxLength = CheckInRules.MaxTextLength,
    };

    private static CardElement[] Item((string Text, string Help) ids, string label, CheckInItem? item) =>
    [
        Text(ids.Text, label, item?.Text, multiline: false),
        new ToggleInput(SyncStrings.FormNeedsHelp)
        {
            Id = ids.Help,
            Value = item?.NeedsHelp == true ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
            Spacing = "None",
        },
    ];
}
