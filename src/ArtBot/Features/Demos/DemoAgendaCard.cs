using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// The System Demo's agenda: when, each team's items (title, presenter) with the feedback counts (accepted, needs work,
/// not shown) and integration problems, the teams that have not answered yet. One "Give feedback" form and one
/// "Integration problem" form serve every item (an item picker each), so the card stays small. A person's own view
/// (<c>viewerId</c>) marks their feedback; the shared card refreshes for the latest feedback givers.
/// </summary>
public static class DemoAgendaCard
{
    /// <summary>The item picker's value for a problem with the demo as a whole.</summary>
    public const string WholeDemo = "demo";
    /// <summary>The feedback form's item picker (read as <see cref="DemoRefData.ItemId"/>).</summary>
    public const string ItemInput = "itemId";
    /// <summary>The integration problem form's item picker (its own id: input ids are unique in a card).</summary>
    public const string ProblemItemInput = "problemItemId";

    // Shown shortened (the prompt card and the stores keep them whole): 12 teams × 4 items stay under 28 KB in every language.
    private const int MaxShownTitle = 70;
    private const int MaxShownPresenter = 32;
    private const int MaxChoiceTeam = 12;
    private const int MaxChoiceTitle = 28;

    public static AdaptiveCard Build(DemoAgenda agenda, string? viewerId = null, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var demo = agenda.Demo;
        var when = agenda.When;
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(DemoStrings.CardHeader, PlainText.EscapeMarkdown(agenda.Art.Name), PlainText.EscapeMarkdown(demo.Pi), demo.Iteration))
            { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(DemoStrings.AgendaTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(When(agenda)) { Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good"));
        }

        if (when.Skipped)
        {
            body.Add(new TextBlock(DemoStrings.AgendaSkipped) { Weight = "Bolder", Color = "Attention" });
            return new AdaptiveCard { Body = body, FallbackText = DemoStrings.AgendaFallback };
        }

        var mine = viewerId is null
            ? new Dictionary<string, DemoFeedback>(StringComparer.Ordinal)
            : agenda.Feedback.Where(f => f.By.Id == viewerId).GroupBy(f => f.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var answer in agenda.Answers)
        {
            body.Add(new TextBlock(PlainText.EscapeMarkdown(answer.TeamName)) { Weight = "Bolder", Separator = true });
            if (answer.NothingToShow || answer.Items.Count == 0)
            {
                body.Add(new TextBlock(DemoStrings.AgendaNothing) { IsSubtle = true, Spacing = "None" });
                continue;
            }

            // One text block per team (items as paragraphs): the largest agenda stays well under Teams' size limit.
            body.Add(new TextBlock(string.Join("\n\n", answer.Items.Select(item => Line(agenda, item, mine.GetValueOrDefault(item.Id))))) { Spacing = "Small" });
        }

        var waiting = agenda.Teams.Where(t => agenda.Answers.All(a => a.TeamConversationId != t.ConversationId)).Select(t => PlainText.EscapeMarkdown(t.TeamName)).ToList();
        if (agenda.Answers.Count == 0)
        {
            body.Add(new TextBlock(DemoStrings.AgendaNoAnswers) { IsSubtle = true, Separator = true });
        }

        if (waiting.Count > 0)
        {
            body.Add(new TextBlock(Localized.Format(DemoStrings.AgendaWaiting, Localized.List(waiting))) { IsSubtle = true, Separator = agenda.Answers.Count > 0 });
        }

        var whole = agenda.Problems.Count(p => p.ItemId is null);
        if (whole > 0)
        {
            body.Add(new TextBlock(Localized.Format(DemoStrings.AgendaWholeProblems, whole)) { Color = "Attention", Separator = true });
        }

        var items = agenda.Items.ToList();
        var data = DemoPlaceData.Write(agenda.Art.Id, demo.Id);
        var actions = new List<CardAction>();
        if (items.Count > 0)
        {
            actions.Add(new ShowCardAction(DemoStrings.AgendaGiveFeedback, new AdaptiveCard
            {
                Msteams = null,
                Body =
                [
                    new ChoiceSetInput([.. items.Select(ChoiceOf)]) { Id = ItemInput, Label = DemoStrings.AgendaItemLabel, IsRequired = true, ErrorMessage = DemoStrings.ErrorItem },
                    new ChoiceSetInput(
                    [
                        new Choice(DemoStrings.VerdictAccepted, nameof(DemoVerdict.Accepted)),
                        new Choice(DemoStrings.VerdictNeedsWork, nameof(DemoVerdict.NeedsWork)),
                        new Choice(DemoStrings.VerdictNotShown, nameof(DemoVerdict.NotShown)),
                    ])
                    { Id = DemoFeedbackData.VerdictInput, Label = DemoStrings.AgendaVerdictLabel, Style = "expanded", IsRequired = true, ErrorMessage = DemoStrings.ErrorVerdict },
                    new TextInput
                    {
                        Id = DemoFeedbackData.CommentInput,
                        Label = Localized.Format(DemoStrings.AgendaCommentLabel, DemoFeedback.MaxComment),
                        IsMultiline = true,
                        MaxLength = DemoFeedback.MaxComment,
                    },
                ],
                Actions = [new ExecuteAction(DemoStrings.AgendaSend, DemoVerbs.Feedback, data) { Id = "demo-feedback", Style = "positive", AssociatedInputs = "auto" }],
            }) { Id = "demo-feedback-form" });
        }

        actions.Add(new ShowCardAction(DemoStrings.AgendaProblem, new AdaptiveCard
        {
            Msteams = null,
            Body =
            [
                new ChoiceSetInput([new Choice(DemoStrings.AgendaWholeDemo, WholeDemo), .. items.Select(ChoiceOf)]) { Id = ProblemItemInput, Label = DemoStrings.AgendaProblemItemLabel, Value = WholeDemo, IsRequired = true, ErrorMessage = DemoStrings.ErrorItem },
                new TextInput
                {
                    Id = DemoProblemData.WhatInput,
                    Label = Localized.Format(DemoStrings.AgendaWhatFailedLabel, IntegrationProblem.MaxText),
                    IsMultiline = true,
                    MaxLength = IntegrationProblem.MaxText,
                    IsRequired = true,
                    ErrorMessage = DemoStrings.ErrorWhatFailed,
                },
            ],
            Actions = [new ExecuteAction(DemoStrings.AgendaRecord, DemoVerbs.Problem, data) { Id = "demo-problem", AssociatedInputs = "auto" }],
        }) { Id = "demo-problem-form" });
        actions.Add(new ExecuteAction(DemoStrings.AgendaMine, DemoVerbs.Refresh, data) { Id = "demo-mine" });
        var givers = agenda.LatestGivers(VoteRefresh.MaxUserIds);
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            Refresh = givers.Count > 0 ? new CardRefresh(new ExecuteAction(null, DemoVerbs.Refresh, data), [.. givers]) : null,
            FallbackText = DemoStrings.AgendaFallback,
        };
    }

    /// <summary>"Fri 29 Jan 2027, 14:00 Europe/Berlin".</summary>
    public static string When(DemoAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(agenda.Art.Sync.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return Localized.Format(DemoStrings.CardWhen, Localized.WeekdayDate(agenda.When.Date), Localized.Time(agenda.When.Time, zone));
    }

    public static string VerdictText(DemoVerdict verdict) => verdict switch
    {
        DemoVerdict.Accepted => DemoStrings.VerdictAccepted,
        DemoVerdict.NeedsWork => DemoStrings.VerdictNeedsWork,
        _ => DemoStrings.VerdictNotShown,
    };

    private static Choice ChoiceOf((DemoTeamAnswer Answer, DemoItem Item) entry) =>
        new(Localized.Format(DemoStrings.AgendaChoice, Short(entry.Answer.TeamName, MaxChoiceTeam), Short(entry.Item.Title, MaxChoiceTitle)), entry.Item.Id);

    /// <summary>"• **Title** · Presenter — Accepted 2 · needs work 1 · not shown 0 — Your feedback: Accepted".</summary>
    private static string Line(DemoAgenda agenda, DemoItem item, DemoFeedback? mine)
    {
        var title = PlainText.EscapeMarkdown(Short(item.Title, MaxShownTitle));
        var line = item.Presenter is { } presenter
            ? Localized.Format(DemoStrings.AgendaItemPresenter, title, PlainText.EscapeMarkdown(Short(presenter, MaxShownPresenter)))
            : Localized.Format(DemoStrings.AgendaItem, title);
        if (Counts(agenda, item.Id) is { } counts)
        {
            line += " — " + counts;
        }

        return mine is null ? line : line + " — " + Localized.Format(DemoStrings.AgendaYourFeedback, VerdictText(mine.Verdict));
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? Counts(DemoAgenda agenda, string itemId)
    {
        var feedback = agenda.Feedback.Where(f => f.ItemId == itemId).ToList();
        var problems = agenda.Problems.Count(p => p.ItemId == itemId);
        if (feedback.Count == 0 && problems == 0)
        {
            return null;
        }

        var text = Localized.Format(DemoStrings.AgendaCounts,
            feedback.Count(f => f.Verdict == DemoVerdict.Accepted), feedback.Count(f => f.Verdict == DemoVerdict.NeedsWork), feedback.Count(f => f.Verdict == DemoVerdict.NotShown));
        return problems > 0 ? text + Localized.Format(DemoStrings.AgendaCountsProblems, problems) : text;
    }
}
