using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// The "new vote" form (<c>vote</c> without a question): question, named or anonymous, live or hidden results and an
/// optional deadline. "Start vote" sends <c>vote.start</c> (Action.Execute) with the inputs merged into its data.
/// </summary>
public static class VoteFormCard
{
    public const string StartVerb = "vote.start";
    public const string QuestionInput = "question";
    public const string ModeInput = "mode";
    public const string ResultsInput = "results";
    public const string DeadlineInput = "deadline";

    public const string Named = "named";
    public const string Anonymous = "anonymous";
    public const string Live = "live";
    public const string Hidden = "hidden";
    public const string NoDeadline = "none";

    public const string ScopeInput = "scope";
    public const string TeamScope = "team";
    public const string ArtScope = "art";

    /// <summary>The form. <paramref name="art"/>: the ART's name and the default scope, when the conversation belongs to one.</summary>
    public static AdaptiveCard Build(bool anonymous = false, string? error = null, (string Name, VoteScope DefaultScope)? art = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock("New confidence vote") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock("Fist of five: everyone answers 1 (no confidence) to 5 (very confident).") { IsSubtle = true, Spacing = "None" },
        };
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Color = "Attention" });
        }

        body.Add(new TextInput
        {
            Id = QuestionInput,
            Label = "Question",
            Placeholder = "How confident are we in our PI objectives?",
            IsRequired = true,
            ErrorMessage = "Please add a question.",
            MaxLength = VoteRules.MaxQuestionLength,
        });
        body.Add(new ChoiceSetInput([new Choice("Named: show who voted what", Named), new Choice("Anonymous: show only counts", Anonymous)])
        {
            Id = ModeInput,
            Label = "Voters",
            Value = anonymous ? Anonymous : Named,
            Style = "expanded",
        });
        if (art is { } inArt)
        {
            body.Add(new ChoiceSetInput([new Choice("Team vote: our team's PI objectives", TeamScope), new Choice($"ART vote: the PI objectives of {inArt.Name}", ArtScope)])
            {
                Id = ScopeInput,
                Label = "Scope",
                Value = inArt.DefaultScope == VoteScope.Art ? ArtScope : TeamScope,
                Style = "expanded",
            });
        }

        body.Add(new ChoiceSetInput([new Choice("Live: everyone sees the tally as it grows", Live), new Choice("Hidden until the vote closes", Hidden)])
        {
            Id = ResultsInput,
            Label = "Results",
            Value = Live,
            Style = "expanded",
        });
        body.Add(new ChoiceSetInput([new Choice("No deadline (close it yourself)", NoDeadline), .. VoteOptions.Durations.Select(m =>
            new Choice($"Close after {m.ToString(CultureInfo.InvariantCulture)} minutes", m.ToString(CultureInfo.InvariantCulture)))])
        {
            Id = DeadlineInput,
            Label = "Deadline",
            Value = NoDeadline,
            Style = "compact",
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Start vote", StartVerb, new JsonObject()) { Id = "start", AssociatedInputs = "auto" }],
            FallbackText = "New confidence vote",
        };
    }

    /// <summary>What replaces the form once the vote started.</summary>
    public static AdaptiveCard Started(Vote vote) => new()
    {
        Body =
        [
            new TextBlock("Confidence vote started") { Weight = "Bolder", Style = "heading" },
            new TextBlock(vote.Question) { Spacing = "None" },
            new TextBlock(Describe(vote)) { IsSubtle = true, Spacing = "Small" },
        ],
        FallbackText = "Confidence vote started: " + vote.Question,
    };

    private static string Describe(Vote vote)
    {
        var parts = new List<string> { vote.Anonymous ? "Anonymous" : "Named", vote.HideResults ? "results hidden until close" : "live results" };
        if (vote.DurationMinutes is { } minutes)
        {
            parts.Add($"closes after {minutes.ToString(CultureInfo.InvariantCulture)} minutes");
        }

        return string.Join(" \u00b7 ", parts) + ". The vote card is posted in this conversation.";
    }
}
