using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>What a team's prompt card shows: the demo, the team, its answer so far, its features and objectives of the PI.</summary>
public sealed record DemoPromptView(
    Art Art, SystemDemo Demo, DemoOccurrence When, ArtTeam Team, DemoTeamAnswer? Answer, IReadOnlyList<Feature> Features, IReadOnlyList<PiObjective> Objectives);

/// <summary>
/// The team's prompt for a System Demo (in its channel): which of its PI features and objectives it will show (multi-select),
/// other items as free text (one per line), who presents, or "nothing to show this time"; "Save" sends <c>demo.answer</c>.
/// Shows what was saved.
/// </summary>
public static class DemoPromptCard
{
    private const int MaxChoiceTitle = 90;

    public static AdaptiveCard Build(DemoPromptView view, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var demo = view.Demo;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(view.Art.Sync.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var when = Localized.Format(DemoStrings.CardWhen, Localized.WeekdayDate(view.When.Date), Localized.Time(view.When.Time, zone));
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(DemoStrings.CardHeader, PlainText.EscapeMarkdown(view.Art.Name), PlainText.EscapeMarkdown(demo.Pi), demo.Iteration))
            { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(Localized.Format(DemoStrings.PromptTitle, PlainText.EscapeMarkdown(view.Team.TeamName))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(Localized.Format(DemoStrings.PromptWhen, when)),
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good"));
        }

        if (view.When.Skipped)
        {
            body.Add(new TextBlock(DemoStrings.AgendaSkipped) { Weight = "Bolder", Color = "Attention" });
            return new AdaptiveCard { Body = body, FallbackText = DemoStrings.PromptFallback };
        }

        var answer = view.Answer is { HasAnswered: true } answered ? answered : null;
        if (answer is not null)
        {
            var saved = answer.NothingToShow || answer.Items.Count == 0
                ? DemoStrings.PromptSavedNothing
                : Localized.Format(DemoStrings.PromptSaved, Localized.List([.. answer.Items.Select(i => PlainText.EscapeMarkdown(i.Title))]));
            body.Add(new TextBlock(saved) { Color = "Accent", Separator = true });
        }

        body.Add(new TextBlock(DemoStrings.PromptHelp) { IsSubtle = true, Size = "Small", Separator = true });
        var picked = answer?.Items.Where(i => i.RefId is not null).Select(i => i.RefId!).ToHashSet(StringComparer.Ordinal) ?? [];
        if (view.Features.Count > 0)
        {
            body.Add(new ChoiceSetInput([.. view.Features.Select(f => new Choice(PlainText.Shorten(f.Title, MaxChoiceTitle), f.Id))])
            {
                Id = DemoAnswerData.FeaturesInput,
                Label = DemoStrings.PromptFeaturesLabel,
                IsMultiSelect = true,
                Value = Joined(view.Features.Select(f => f.Id).Where(picked.Contains)),
            });
        }

        if (view.Objectives.Count > 0)
        {
            body.Add(new ChoiceSetInput([.. view.Objectives.Select(o => new Choice(PlainText.Shorten(o.Text, MaxChoiceTitle), o.Id))])
            {
                Id = DemoAnswerData.ObjectivesInput,
                Label = DemoStrings.PromptObjectivesLabel,
                IsMultiSelect = true,
                Value = Joined(view.Objectives.Select(o => o.Id).Where(picked.Contains)),
            });
        }

        body.Add(new TextInput
        {
            Id = DemoAnswerData.TextInput,
            Label = Localized.Format(DemoStrings.PromptOtherLabel, DemoTeamAnswer.MaxItems),
            Placeholder = DemoStrings.PromptOtherPlaceholder,
            IsMultiline = true,
            MaxLength = DemoTeamAnswer.MaxItems * (DemoItem.MaxTitle + 1),
            Value = answer is null ? null : string.Join('\n', answer.Items.Where(i => i.Kind == DemoItemKind.Text).Select(i => i.Title)) is { Length: > 0 } text ? text : null,
        });
        body.Add(new TextInput
        {
            Id = DemoAnswerData.PresenterInput,
            Label = DemoStrings.PromptPresenterLabel,
            MaxLength = DemoItem.MaxPresenter,
            Value = answer?.Items.Select(i => i.Presenter).FirstOrDefault(p => p is not null),
        });
        body.Add(new ToggleInput(DemoStrings.PromptNothing) { Id = DemoAnswerData.NothingInput, Value = answer?.NothingToShow == true ? "true" : "false", ValueOn = "true", ValueOff = "false" });
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction(DemoStrings.PromptSave, DemoVerbs.Answer, CardData.Write(new DemoRefData { DemoId = demo.Id }, DemoCardDataContext.Default.DemoRefData))
                {
                    Id = "demo-answer",
                    Style = "positive",
                },
            ],
            FallbackText = DemoStrings.PromptFallback,
        };
    }

    private static string? Joined(IEnumerable<string> ids) => string.Join(',', ids) is { Length: > 0 } joined ? joined : null;
}
