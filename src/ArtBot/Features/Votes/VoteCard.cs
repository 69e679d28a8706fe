using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;

namespace ArtBot.Features.Votes;

/// <summary>
/// The vote card: question, the 1-5 scale, five Action.Execute buttons (<c>vote.cast</c>), the tally and
/// "Close vote" (<c>vote.close</c>). The shared card is the one everyone sees; a voter's own view marks their
/// choice. An open card carries <c>refresh</c> (<c>vote.refresh</c>) so listed users get their own view. With hidden
/// results, an open card shows only the number of ballots (and the voter's own choice). A closed vote shows the final
/// result and outcome and offers "Vote again" (<c>vote.again</c>).
/// </summary>
public static class VoteCard
{
    public const string CastVerb = "vote.cast";
    public const string CloseVerb = "vote.close";

    /// <summary>What an open vote says instead of a verdict.</summary>
    public static string Provisional => VoteStrings.CardProvisional;
    public const string ConcernVerb = "vote.concern";
    public const string RiskVerb = "vote.risk";
    /// <summary>Concerns offered as risks on the closed card (one button each; the rest via the impediments list).</summary>
    public const int MaxRiskButtons = 10;
    public const string RefreshVerb = "vote.refresh";
    public const string AgainVerb = "vote.again";

    private const int BarWidth = 20;

    /// <summary>Most names listed under "Who voted", so a large ART's card stays within Teams' message size.</summary>
    public const int MaxVotersListed = 150;

    /// <summary>Builds the card. <paramref name="myValue"/> marks the viewer's ballot (their own view only).</summary>
    public static AdaptiveCard Build(
        Vote vote, VoteTally tally, IReadOnlyList<Ballot> ballots, int? myValue = null,
        IReadOnlyList<VoteConcern>? concerns = null, string? notice = null,
        Participation? participation = null, IReadOnlyList<string>? refreshUserIds = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Header(vote)) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(vote.Question) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (vote.Commitment is { Length: > 0 } commitment)
        {
            body.Add(new TextBlock(Localized.Format(vote.Scope == VoteScope.Art ? VoteStrings.CardCommitmentArt : VoteStrings.CardCommitmentTeam, commitment)) { Spacing = "Small" });
        }

        if (!vote.IsClosed)
        {
            body.Add(new TextBlock(VoteStrings.CardScaleHint) { IsSubtle = true });
        }

        body.Add(vote.ShowsResults ? TallySection(vote, tally) : HiddenTallySection(vote, tally));
        if (participation is not null)
        {
            body.Add(new TextBlock(participation.Describe()) { Weight = "Bolder", Spacing = "Small" });
            if (!vote.Anonymous && !vote.IsClosed && participation.NotVoted.Count > 0)
            {
                var shown = string.Join(", ", participation.NotVoted.Take(Participation.MaxNamesShown).Select(PlainText.EscapeMarkdown));
                var notVoted = participation.NotVoted.Count > Participation.MaxNamesShown
                    ? Localized.Format(VoteStrings.CardNotVotedYetMore, shown, participation.NotVoted.Count - Participation.MaxNamesShown)
                    : Localized.Format(VoteStrings.CardNotVotedYet, shown);
                body.Add(new TextBlock(notVoted) { IsSubtle = true, Spacing = "None" });
            }
        }

        if (vote.ShowsResults && !vote.Anonymous && ballots.Any(b => b.VoterName is not null))
        {
            body.Add(new TextBlock(VoteStrings.CardWhoVoted) { Weight = "Bolder", Separator = true });
            var named = ballots.Where(b => b.VoterName is not null).ToList();
            body.Add(new FactSet([.. named
                .OrderBy(b => b.VoterName, StringComparer.CurrentCultureIgnoreCase)
                .Take(MaxVotersListed)
                .Select(b => new Fact(PlainText.EscapeMarkdown(b.VoterName!), b.Value.ToString(CultureInfo.InvariantCulture)))]));
            if (named.Count > MaxVotersListed)
            {
                body.Add(new TextBlock(Localized.Format(VoteStrings.CardMoreVoters, named.Count - MaxVotersListed)) { IsSubtle = true, Spacing = "None" });
            }
        }

        if (myValue is { } mine)
        {
            body.Add(new TextBlock(Localized.Format(vote.IsClosed ? VoteStrings.CardYourVote : VoteStrings.CardYourVoteOpen, mine, VoteScale.Meaning(mine)))
            { Separator = true, Color = "Accent" });
            if (VoteScale.InvitesConcern(mine) && !vote.IsClosed)
            {
                body.Add(new Container([new TextBlock(vote.Anonymous ? VoteStrings.CardConcernInviteAnonymous : VoteStrings.CardConcernInvite) { Weight = "Bolder" }])
                { Style = "warning" });
                body.Add(new TextInput
                {
                    Id = VoteConcernData.ConcernInput,
                    Label = VoteStrings.CardConcernLabel,
                    Placeholder = VoteStrings.CardConcernPlaceholder,
                    IsMultiline = true,
                    MaxLength = VoteRules.MaxConcernLength,
                });
                body.Add(new ActionSet([new ExecuteAction(VoteStrings.CardSendConcern, ConcernVerb, CardData.Write(new VoteConcernData { VoteId = vote.Id }, Data.VoteConcernData)) { Id = "send-concern" }]));
            }
        }

        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, "Good"));
        }

        if (concerns is { Count: > 0 })
        {
            body.Add(new TextBlock(concerns.Count == 1 ? VoteStrings.CardConcernsOne : Localized.Format(VoteStrings.CardConcernsOther, concerns.Count)) { Weight = "Bolder", Separator = true });
            if (vote.IsClosed)
            {
                foreach (var (concern, index) in concerns.Select((c, i) => (c, i)))
                {
                    body.Add(new TextBlock(ConcernLine(concern)));
                    if (concern.RiskId is null && concern.Id.Length > 0 && index < MaxRiskButtons)
                    {
                        body.Add(new ActionSet([new ExecuteAction(VoteStrings.CardRaiseAsRisk, RiskVerb, CardData.Write(new VoteRiskData { VoteId = vote.Id, ConcernId = concern.Id }, Data.VoteRiskData))])
                        {
                            Spacing = "None",
                        });
                    }
                }
            }
        }

        if (!vote.IsClosed)
        {
            // Hosts show at most 5 actions per set (the renderer's default host config): the five ballots are
            // their own set in the body; closing is the card's single action, below them.
            body.Add(new ActionSet([.. CastActions(vote, myValue)]) { Spacing = "Medium" });
            if (myValue is null)
            {
                // The shared card replaces a voter's own view whenever someone votes: this brings it (and the concern box) back.
                body.Add(new ActionSet([new ExecuteAction(VoteStrings.CardMyVote, RefreshVerb, DataOf(vote)) { Id = "my-vote" }]) { Spacing = "Small" });
            }
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [vote.IsClosed ? AgainAction(vote) : CloseAction(vote)],
            Refresh = !vote.IsClosed && refreshUserIds is { Count: > 0 }
                ? new CardRefresh(new ExecuteAction(null, RefreshVerb, DataOf(vote)), [.. refreshUserIds.Take(VoteRefresh.MaxUserIds)])
                : null,
            FallbackText = Localized.Format(VoteStrings.CardFallback, vote.Question),
        };
    }

    /// <summary>"- text (author) · raised as a risk" on the closed card.</summary>
    private static string ConcernLine(VoteConcern concern) => (concern.AuthorName, concern.RiskId) switch
    {
        ({ } author, null) => Localized.Format(VoteStrings.CardConcernBy, concern.Text, PlainText.EscapeMarkdown(author)),
        ({ } author, _) => Localized.Format(VoteStrings.CardConcernByRaised, concern.Text, PlainText.EscapeMarkdown(author)),
        (null, null) => Localized.Format(VoteStrings.CardConcern, concern.Text),
        (null, _) => Localized.Format(VoteStrings.CardConcernRaised, concern.Text),
    };

    /// <summary>Tally while results are hidden: the number of ballots only, never the distribution or average.</summary>
    private static Container HiddenTallySection(Vote vote, VoteTally tally)
    {
        var ballots = tally.Count == 0 ? VoteStrings.CardNoVotesYet
            : tally.Count == 1 ? VoteStrings.CardVotesSoFarOne : Localized.Format(VoteStrings.CardVotesSoFarOther, tally.Count);
        return new Container(
        [
            new TextBlock(ballots) { Weight = "Bolder" },
            new TextBlock(vote.Deadline is { } deadline ? Localized.Format(VoteStrings.CardResultsHiddenUntil, Localized.Time(deadline)) : VoteStrings.CardResultsHidden) { IsSubtle = true, Spacing = "None" },
        ]) { Style = "emphasis", Separator = true };
    }

    private static ExecuteAction AgainAction(Vote vote) =>
        new(VoteStrings.CardVoteAgain, AgainVerb, DataOf(vote)) { Id = "again" };

    /// <summary>The five ballot buttons, 5 first; titles start with their digit.</summary>
    public static IEnumerable<CardAction> CastActions(Vote vote, int? myValue) =>
        Enumerable.Range(VoteScale.Min, VoteScale.Max).Reverse().Select(value => (CardAction)new ExecuteAction(
            Localized.Format(value == myValue ? VoteStrings.CardScaleOptionChosen : VoteStrings.CardScaleOption, value, VoteScale.Meaning(value)),
            CastVerb,
            CardData.Write(new VoteCastData { VoteId = vote.Id, Value = value }, Data.VoteCastData))
        {
            Id = $"cast-{value}",
        });

    /// <summary>
    /// Closing asks first: "Close vote…" opens a confirmation under the card (apart from the ballot buttons), and only its
    /// "Yes, close the vote" closes. An accidental click changes nothing.
    /// </summary>
    private static ShowCardAction CloseAction(Vote vote) => new(VoteStrings.CardCloseVote, new AdaptiveCard
    {
        Body = [new TextBlock(VoteStrings.CardCloseConfirm)],
        Actions = [new ExecuteAction(VoteStrings.CardCloseYes, CloseVerb, DataOf(vote)) { Id = "close", Style = "destructive" }],
    })
    {
        Id = "close-confirm",
    };

    /// <summary>The data of the buttons that name only the vote (My vote, refresh, close, vote again).</summary>
    private static System.Text.Json.Nodes.JsonObject DataOf(Vote vote) => CardData.Write(new VoteData { VoteId = vote.Id }, Data.VoteData);

    private static VoteCardDataContext Data => VoteCardDataContext.Default;

    private static string Header(Vote vote)
    {
        var kind = vote.Anonymous ? VoteStrings.HeaderAnonymous : VoteStrings.HeaderNamed;
        var round = vote.Round > 1 ? " \u00b7 " + Localized.Format(VoteStrings.HeaderRound, vote.Round) : string.Empty;
        var state = vote.IsClosed ? " \u00b7 " + VoteStrings.HeaderClosed
            : vote.Deadline is { } deadline ? " \u00b7 " + Localized.Format(VoteStrings.HeaderCloses, Localized.Time(deadline)) : string.Empty;
        var by = vote.CreatorName is { Length: > 0 } name ? " \u00b7 " + Localized.Format(VoteStrings.HeaderStartedBy, PlainText.EscapeMarkdown(name)) : string.Empty;
        var scope = vote.ArtId is null ? string.Empty
            : " \u00b7 " + (vote.Scope == VoteScope.Art ? VoteStrings.HeaderArtVote
                : vote.TeamName is { Length: > 0 } team ? Localized.Format(VoteStrings.HeaderTeam, PlainText.EscapeMarkdown(team)) : VoteStrings.HeaderTeamVote)
              + (vote.PiName is { Length: > 0 } pi ? $" \u00b7 {PlainText.EscapeMarkdown(pi)}" : string.Empty);
        return kind + scope + round + state + by;
    }

    private static Container TallySection(Vote vote, VoteTally tally)
    {
        var items = new List<CardElement>();
        if (tally.Count == 0)
        {
            items.Add(new TextBlock(vote.IsClosed ? VoteStrings.CardClosedWithoutVotes : VoteStrings.CardNoVotesYet) { Weight = "Bolder" });
        }
        else
        {
            var average = Localized.Number(tally.Average);
            var summary = (vote.IsClosed, tally.Count == 1) switch
            {
                (true, true) => Localized.Format(VoteStrings.CardFinalResultOne, average),
                (true, false) => Localized.Format(VoteStrings.CardFinalResultOther, tally.Count, average),
                (false, true) => Localized.Format(VoteStrings.CardSoFarOne, average),
                (false, false) => Localized.Format(VoteStrings.CardSoFarOther, tally.Count, average),
            };
            items.Add(new TextBlock(summary) { Weight = "Bolder" });
            // The SAFe verdict only once the vote is closed: one early ballot is no commitment.
            // The verdict in default-colour text (readable in every theme) with a mark, on a good or attention background.
            var accepted = VoteRules.OutcomeOf(tally) == VoteOutcome.CommitmentAccepted;
            items.Add(vote.IsClosed
                ? new Container([new TextBlock((accepted ? "\u2713 " : "\u26a0 ") + VoteRules.Describe(VoteRules.OutcomeOf(tally))) { Weight = "Bolder", Size = "Medium" }])
                {
                    Style = accepted ? "good" : "attention",
                }
                : new TextBlock(Provisional) { IsSubtle = true, Spacing = "None" });
        }

        // The distribution: each value's count in words (what a screen reader says), and a bar drawn with columns
        // (no characters to read out) scaled to the most chosen value, filled in a colour with 3:1 contrast in every theme.
        var max = Math.Max(1, tally.Distribution.Max());
        items.AddRange(Enumerable.Range(VoteScale.Min, VoteScale.Max).Reverse().Select(value =>
        {
            var count = tally.CountOf(value);
            var filled = (int)Math.Round((double)count * BarWidth / max);
            return (CardElement)new ColumnSet(
            [
                new Column([new TextBlock(Localized.Format(VoteStrings.CardScaleOption, value, VoteScale.Meaning(value))) { Size = "Small" }]) { Width = "45" },
                new Column([filled == 0
                    ? new TextBlock("\u00a0") { Size = "Small" }
                    : new ColumnSet(
                    [
                        new Column([new TextBlock("\u00a0") { Size = "Small" }]) { Width = filled.ToString(CultureInfo.InvariantCulture), BackgroundImage = CardBars.Fill(CardBars.Vote) },
                        .. filled < BarWidth ? new[] { new Column([new TextBlock("\u00a0") { Size = "Small" }]) { Width = (BarWidth - filled).ToString(CultureInfo.InvariantCulture) } } : [],
                    ])]) { Width = "40", VerticalContentAlignment = "Center" },
                new Column([new TextBlock(count == 1 ? VoteStrings.VotesOne : Localized.Format(VoteStrings.VotesOther, count)) { Size = "Small", Weight = "Bolder" }]) { Width = "15" },
            ]) { Spacing = "Small", Id = $"distribution-{value}" }; // a gap between rows keeps the solid bars apart
        }));
        return new Container(items) { Style = "emphasis", Separator = true };
    }
}
