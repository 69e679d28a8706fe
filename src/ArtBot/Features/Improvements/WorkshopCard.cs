using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Improvements;

/// <summary>
/// The problem-solving workshop card: last PI's items and their outcomes first, then the problems with their dots,
/// a field to add a problem and "Close voting". The shared card (everyone's) shows counts; a participant's own view
/// (the answer to their click) also shows their remaining dots and lets them take dots back. Closed: the ranking.
/// </summary>
public static class WorkshopCard
{
    public const string AddVerb = "workshop.add";
    public const string DotVerb = "workshop.dot";
    public const string CloseVerb = "workshop.close";
    public const string MineVerb = "workshop.mine";
    public const string SpendOp = "spend";
    public const string TakeBackOp = "takeback";

    private const int ChoiceTitleLength = 40;
    private const int ReviewOutcomeLength = 120;

    /// <summary>Builds the card; <paramref name="viewerId"/> set: that participant's own view.</summary>
    public static AdaptiveCard Build(WorkshopState state, string? viewerId = null, string? notice = null, string? noticeColor = null)
    {
        var workshop = state.Workshop;
        var ranking = state.Ranking;
        var mine = viewerId is null ? null : state.Of(viewerId) ?? new ParticipantDots(viewerId, null, []);
        var body = new List<CardElement>
        {
            new TextBlock(Header(workshop)) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(workshop.IsClosed ? ImprovementStrings.CardTitleClosed : ImprovementStrings.CardTitle)
            { Size = "Large", Weight = "Bolder", Style = "heading" },
        };

        if (workshop.Review.Count > 0)
        {
            body.Add(ReviewSection(workshop.Review));
        }

        if (!workshop.IsClosed)
        {
            body.Add(new TextBlock(Localized.Format(ImprovementStrings.CardIntro, Dots(workshop.DotsPerPerson)))
            { Separator = true });
        }

        if (mine is not null && !workshop.IsClosed)
        {
            var left = mine.Remaining(workshop.DotsPerPerson);
            body.Add(new TextBlock(Localized.Format(
                workshop.DotsPerPerson == 1 ? ImprovementStrings.CardDotsLeftOne : ImprovementStrings.CardDotsLeftOther, left, workshop.DotsPerPerson))
            { Color = "Accent" });
        }

        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good"));
        }

        body.Add(new TextBlock(ProblemsHeading(state)) { Weight = "Bolder", Separator = true });
        if (state.Problems.Count == 0)
        {
            body.Add(new TextBlock(workshop.IsClosed ? ImprovementStrings.CardNoProblemsClosed : ImprovementStrings.CardNoProblemsOpen) { IsSubtle = true });
        }

        if (workshop.IsClosed)
        {
            body.AddRange(ranking.Select(r => Ranked(r, workshop.SelectedProblemIds.Contains(r.Problem.Id))));
        }
        else
        {
            var dots = ranking.ToDictionary(r => r.Problem.Id, r => r.Dots, StringComparer.Ordinal);
            body.AddRange(state.Problems.Select((problem, index) => OpenProblem(workshop, problem, index + 1, dots.GetValueOrDefault(problem.Id), mine)));
        }

        if (!workshop.IsClosed && mine is null)
        {
            // The shared card replaces a participant's own view whenever someone votes: this brings back their dots left.
            body.Add(new ActionSet([new ExecuteAction(ImprovementStrings.CardMyDots, MineVerb, CardData.Write(new WorkshopData { WorkshopId = workshop.Id }, Data.WorkshopData)) { Id = "my-dots" }]) { Spacing = "Small" });
        }

        if (!workshop.IsClosed)
        {
            body.AddRange(AddProblemSection(workshop, state.Problems.Count));
            body.AddRange(CloseSection(state));
        }

        return new AdaptiveCard
        {
            Body = body,
            // Closing asks first (a confirmation under the card): an accidental click changes nothing.
            Actions = workshop.IsClosed ? null :
            [
                new ShowCardAction(ImprovementStrings.CardCloseVoting, new AdaptiveCard
                {
                    Body = [new TextBlock(ImprovementStrings.CardCloseConfirm)],
                    Actions = [new ExecuteAction(ImprovementStrings.CardCloseConfirmYes, CloseVerb, CardData.Write(new WorkshopCloseData { WorkshopId = workshop.Id }, Data.WorkshopCloseData)) { Id = "close-voting", Style = "destructive" }],
                })
                {
                    Id = "close-voting-confirm",
                },
            ],
            FallbackText = ImprovementStrings.CardFallback,
        };
    }

    public static string PiLabel(string? pi) => pi is { Length: > 0 } ? PlainText.EscapeMarkdown(pi) : ImprovementStrings.CardNoPi;

    private static string Header(Workshop workshop)
    {
        var by = workshop.StarterName is { Length: > 0 } name
            ? " \u00b7 " + Localized.Format(ImprovementStrings.CardHeaderStartedBy, PlainText.EscapeMarkdown(name))
            : string.Empty;
        var closed = !workshop.IsClosed ? string.Empty
            : " \u00b7 " + (workshop.ClosedByName is { Length: > 0 } closer
                ? Localized.Format(ImprovementStrings.CardHeaderClosedBy, PlainText.EscapeMarkdown(closer))
                : ImprovementStrings.CardHeaderClosed);
        return Localized.Format(ImprovementStrings.CardHeader, PiLabel(workshop.Pi)) + by + closed;
    }

    private static string ProblemsHeading(WorkshopState state)
    {
        var problems = state.Problems.Count == 1
            ? ImprovementStrings.CardProblemsOne
            : Localized.Format(ImprovementStrings.CardProblemsOther, state.Problems.Count);
        var voters = state.Participants.Count(p => p.ProblemIds.Count > 0);
        var people = voters == 1 ? ImprovementStrings.CardVotersOne : Localized.Format(ImprovementStrings.CardVotersOther, voters);
        return Localized.Format(state.Workshop.IsClosed ? ImprovementStrings.CardRankedHeading : ImprovementStrings.CardProblemsHeading, problems, people);
    }

    private static Container ReviewSection(IReadOnlyList<ReviewedItem> review)
    {
        var items = new List<CardElement> { new TextBlock(ImprovementStrings.CardReviewHeading) { Weight = "Bolder" } };
        foreach (var item in review)
        {
            var line = $"**{item.Title}** \u00b7 {ImprovementRules.Describe(item.Status)} \u00b7 "
                + ImprovementListCard.OwnerLabel(item.OwnerName)
                + (item.CarriedFromPi is { Length: > 0 } from
                    ? " \u00b7 " + Localized.Format(ImprovementStrings.CardReviewCarriedFrom, PlainText.EscapeMarkdown(from))
                    : string.Empty);
            items.Add(new TextBlock("- " + line) { Spacing = "Small" });
            if (item.Outcome is { Length: > 0 } outcome)
            {
                items.Add(new TextBlock(Localized.Format(ImprovementStrings.CardReviewOutcome, Shorten(outcome, ReviewOutcomeLength))) { IsSubtle = true, Spacing = "None" });
            }
        }

        return new Container(items) { Style = "emphasis", Separator = true };
    }

    private static Container OpenProblem(Workshop workshop, WorkshopProblem problem, int number, int dots, ParticipantDots? mine)
    {
        var voted = mine?.ProblemIds.Contains(problem.Id, StringComparer.Ordinal) == true;
        var summary = Dots(dots)
            + (problem.AuthorName is { Length: > 0 } author
                ? " \u00b7 " + Localized.Format(ImprovementStrings.CardAddedBy, PlainText.EscapeMarkdown(author))
                : string.Empty)
            + (voted ? " \u00b7 " + ImprovementStrings.CardYourDot : string.Empty);
        var data = CardData.Write(new WorkshopDotData { WorkshopId = workshop.Id, ProblemId = problem.Id, Op = voted ? TakeBackOp : SpendOp }, Data.WorkshopDotData);
        var action = new ExecuteAction(voted ? ImprovementStrings.CardTakeDotBack : ImprovementStrings.CardSpendDot, DotVerb, data) { Id = $"dot-{problem.Id}" };
        return new Container(
        [
            new ColumnSet(
            [
                new Column([
                    new TextBlock($"{number}. {problem.Text}"),
                    new TextBlock(summary) { IsSubtle = true, Size = "Small", Spacing = "None" },
                ]) { Width = "stretch", VerticalContentAlignment = "Center" },
                new Column([new ActionSet([action])]) { Width = "auto", VerticalContentAlignment = "Center" },
            ]),
        ]) { Separator = true, Style = voted ? "accent" : null };
    }

    private static Container Ranked(RankedProblem ranked, bool selected) => new(
    [
        new TextBlock($"{ranked.Rank}. {ranked.Problem.Text}") { Weight = selected ? "Bolder" : null },
        new TextBlock(Dots(ranked.Dots) + (selected ? " \u00b7 " + ImprovementStrings.CardSelected : string.Empty))
        { IsSubtle = !selected, Size = "Small", Spacing = "None" },
    ]) { Separator = true };

    private static IEnumerable<CardElement> AddProblemSection(Workshop workshop, int count)
    {
        if (count >= DotRules.MaxProblems)
        {
            yield return new TextBlock(Localized.Format(ImprovementStrings.MaxProblems, DotRules.MaxProblems)) { IsSubtle = true, Separator = true };
            yield break;
        }

        yield return new TextInput
        {
            Id = WorkshopAddData.ProblemInput,
            Label = ImprovementStrings.FormProblemLabel,
            Placeholder = ImprovementStrings.FormProblemPlaceholder,
            IsMultiline = true,
            MaxLength = ImprovementRules.MaxProblemLength,
            Separator = true,
        };
        yield return new ActionSet([new ExecuteAction(ImprovementStrings.FormAddProblem, AddVerb, CardData.Write(new WorkshopAddData { WorkshopId = workshop.Id }, Data.WorkshopAddData)) { Id = "add-problem" }]);
    }

    private static IEnumerable<CardElement> CloseSection(WorkshopState state)
    {
        yield return new TextBlock(state.Workshop.Scope.ArtId is null ? ImprovementStrings.CardCloseHintStarter : ImprovementStrings.CardCloseHintRte)
        { IsSubtle = true, Separator = true };
        yield return new NumberInput { Id = WorkshopCloseData.TopInput, Label = ImprovementStrings.FormTopLabel, Value = DotRules.DefaultTop, Min = 1, Max = DotRules.MaxProblems };
        if (state.Problems.Count > 0)
        {
            yield return new ChoiceSetInput([.. state.Problems.Select(p => new Choice(Shorten(p.Text, ChoiceTitleLength), p.Id))])
            {
                Id = WorkshopCloseData.PickInput,
                Label = ImprovementStrings.FormPickLabel,
                IsMultiSelect = true,
                Style = "compact",
                Placeholder = ImprovementStrings.FormPickPlaceholder,
            };
        }
    }

    private static ImprovementCardDataContext Data => ImprovementCardDataContext.Default;

    private static string Dots(int count) => count == 1 ? ImprovementStrings.DotsOne : Localized.Format(ImprovementStrings.DotsOther, count);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd('\\') + "\u2026";
}
