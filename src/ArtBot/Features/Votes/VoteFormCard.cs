using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;

namespace ArtBot.Features.Votes;

/// <summary>
/// The "new vote" form (<c>vote</c> without a question): question, named or anonymous, live or hidden results and an
/// optional deadline. "Start vote" sends <c>vote.start</c> (Action.Execute) with the inputs merged into its data.
/// </summary>
public static class VoteFormCard
{
    public const string StartVerb = "vote.start";

    public const string Named = "named";
    public const string Anonymous = "anonymous";
    public const string Live = "live";
    public const string Hidden = "hidden";
    public const string NoDeadline = "none";

    public const string TeamScope = "team";
    public const string ArtScope = "art";

    /// <summary>The form. <paramref name="art"/>: the ART's name and the default scope, when the conversation belongs to one.</summary>
    public static AdaptiveCard Build(bool anonymous = false, string? error = null, (string Name, VoteScope DefaultScope)? art = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(VoteStrings.FormTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(VoteStrings.FormIntro) { IsSubtle = true, Spacing = "None" },
        };
        if (error is not null)
        {
            body.Add(CardNotice.Of(error, "Attention"));
        }

        body.Add(new TextInput
        {
            Id = VoteStartData.QuestionInput,
            Label = VoteStrings.FormQuestionLabel,
            Placeholder = VoteStrings.FormQuestionPlaceholder,
            IsRequired = true,
            ErrorMessage = VoteStrings.FormQuestionError,
            MaxLength = VoteRules.MaxQuestionLength,
        });
        body.Add(new ChoiceSetInput([new Choice(VoteStrings.FormNamed, Named), new Choice(VoteStrings.FormAnonymous, Anonymous)])
        {
            Id = VoteStartData.ModeInput,
            Label = VoteStrings.FormVotersLabel,
            Value = anonymous ? Anonymous : Named,
            Style = "expanded",
        });
        if (art is { } inArt)
        {
            body.Add(new ChoiceSetInput([new Choice(VoteStrings.FormScopeTeam, TeamScope), new Choice(Localized.Format(VoteStrings.FormScopeArt, inArt.Name), ArtScope)])
            {
                Id = VoteStartData.ScopeInput,
                Label = VoteStrings.FormScopeLabel,
                Value = inArt.DefaultScope == VoteScope.Art ? ArtScope : TeamScope,
                Style = "expanded",
            });
        }

        body.Add(new ChoiceSetInput([new Choice(VoteStrings.FormResultsLive, Live), new Choice(VoteStrings.FormResultsHidden, Hidden)])
        {
            Id = VoteStartData.ResultsInput,
            Label = VoteStrings.FormResultsLabel,
            Value = Live,
            Style = "expanded",
        });
        body.Add(new ChoiceSetInput([new Choice(VoteStrings.FormNoDeadline, NoDeadline), .. VoteOptions.Durations.Select(m =>
            new Choice(Localized.Format(VoteStrings.FormCloseAfter, m), m.ToString(CultureInfo.InvariantCulture)))])
        {
            Id = VoteStartData.DeadlineInput,
            Label = VoteStrings.FormDeadlineLabel,
            Value = NoDeadline,
            Style = "compact",
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(VoteStrings.FormStart, StartVerb, CardData.Write(new VoteStartData(), VoteCardDataContext.Default.VoteStartData)) { Id = "start", AssociatedInputs = "auto" }],
            FallbackText = VoteStrings.FormTitle,
        };
    }

    /// <summary>What replaces the form once the vote started.</summary>
    public static AdaptiveCard Started(Vote vote) => new()
    {
        Body =
        [
            new TextBlock(VoteStrings.StartedTitle) { Weight = "Bolder", Style = "heading" },
            new TextBlock(vote.Question) { Spacing = "None" },
            new TextBlock(Describe(vote)) { IsSubtle = true, Spacing = "Small" },
        ],
        FallbackText = Localized.Format(VoteStrings.StartedFallback, vote.Question),
    };

    private static string Describe(Vote vote)
    {
        var parts = new List<string>
        {
            vote.Anonymous ? VoteStrings.StartedAnonymous : VoteStrings.StartedNamed,
            vote.HideResults ? VoteStrings.StartedResultsHidden : VoteStrings.StartedResultsLive,
        };
        if (vote.DurationMinutes is { } minutes)
        {
            parts.Add(Localized.Format(VoteStrings.StartedClosesAfter, minutes));
        }

        return Localized.Format(VoteStrings.StartedSummary, string.Join(" \u00b7 ", parts));
    }
}
