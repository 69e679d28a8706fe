using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;

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
    public const string Provisional = "No verdict yet: an average of 3 or more accepts the commitment when the vote closes.";
    public const string ConcernVerb = "vote.concern";
    public const string RiskVerb = "vote.risk";
    /// <summary>Concerns offered as risks on the closed card (one button each; the rest via the impediments list).</summary>
    public const int MaxRiskButtons = 10;
    public const string ConcernInputId = "concern";
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
            body.Add(new TextBlock((vote.Scope == VoteScope.Art ? "The ART commits to: " : "The team commits to: ") + commitment) { Spacing = "Small" });
        }

        if (!vote.IsClosed)
        {
            body.Add(new TextBlock("How confident are you? 5 = very confident, 1 = no confidence.") { IsSubtle = true });
        }

        body.Add(vote.ShowsResults ? TallySection(vote, tally) : HiddenTallySection(vote, tally));
        if (participation is not null)
        {
            body.Add(new TextBlock(participation.Describe()) { Weight = "Bolder", Spacing = "Small" });
            if (!vote.Anonymous && !vote.IsClosed && participation.NotVoted.Count > 0)
            {
                var shown = participation.NotVoted.Take(Participation.MaxNamesShown).Select(PlainText.EscapeMarkdown);
                var more = participation.NotVoted.Count > Participation.MaxNamesShown ? $" and {participation.NotVoted.Count - Participation.MaxNamesShown} more" : string.Empty;
                body.Add(new TextBlock("Not voted yet: " + string.Join(", ", shown) + more) { IsSubtle = true, Spacing = "None" });
            }
        }

        if (vote.ShowsResults && !vote.Anonymous && ballots.Any(b => b.VoterName is not null))
        {
            body.Add(new TextBlock("Who voted") { Weight = "Bolder", Separator = true });
            var named = ballots.Where(b => b.VoterName is not null).ToList();
            body.Add(new FactSet([.. named
                .OrderBy(b => b.VoterName, StringComparer.CurrentCultureIgnoreCase)
                .Take(MaxVotersListed)
                .Select(b => new Fact(PlainText.EscapeMarkdown(b.VoterName!), b.Value.ToString(CultureInfo.InvariantCulture)))]));
            if (named.Count > MaxVotersListed)
            {
                body.Add(new TextBlock($"and {named.Count - MaxVotersListed} more") { IsSubtle = true, Spacing = "None" });
            }
        }

        if (myValue is { } mine)
        {
            body.Add(new TextBlock($"Your vote: **{mine} - {VoteScale.Meaning(mine)}**."
                + (vote.IsClosed ? string.Empty : " You can change it until the vote closes."))
            { Separator = true, Color = "Accent" });
            if (VoteScale.InvitesConcern(mine) && !vote.IsClosed)
            {
                body.Add(new Container([new TextBlock("Thank you for being honest. Please voice your concern so the team can address it"
                    + (vote.Anonymous ? " (it stays anonymous)." : ".")) { Weight = "Bolder" }])
                { Style = "warning" });
                body.Add(new TextInput
                {
                    Id = ConcernInputId,
                    Placeholder = "What worries you about this plan?",
                    IsMultiline = true,
                    MaxLength = VoteRules.MaxConcernLength,
                });
                body.Add(new ActionSet([new ExecuteAction("Send concern", ConcernVerb, new JsonObject { ["voteId"] = vote.Id }) { Id = "send-concern" }]));
            }
        }

        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = "Good" });
        }

        if (concerns is { Count: > 0 })
        {
            body.Add(new TextBlock(concerns.Count == 1 ? "1 concern raised" : $"{concerns.Count} concerns raised") { Weight = "Bolder", Separator = true });
            if (vote.IsClosed)
            {
                foreach (var (concern, index) in concerns.Select((c, i) => (c, i)))
                {
                    body.Add(new TextBlock("- " + concern.Text + (concern.AuthorName is { } author ? $" ({PlainText.EscapeMarkdown(author)})" : string.Empty)
                        + (concern.RiskId is null ? string.Empty : " \u00b7 raised as a risk")));
                    if (concern.RiskId is null && concern.Id.Length > 0 && index < MaxRiskButtons)
                    {
                        body.Add(new ActionSet([new ExecuteAction("Raise as risk", RiskVerb, new JsonObject { ["voteId"] = vote.Id, ["concernId"] = concern.Id })])
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
                body.Add(new ActionSet([new ExecuteAction("My vote", RefreshVerb, new JsonObject { ["voteId"] = vote.Id }) { Id = "my-vote" }]) { Spacing = "Small" });
            }
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [vote.IsClosed ? AgainAction(vote) : CloseAction(vote)],
            Refresh = !vote.IsClosed && refreshUserIds is { Count: > 0 }
                ? new CardRefresh(new ExecuteAction(null, RefreshVerb, new JsonObject { ["voteId"] = vote.Id }), [.. refreshUserIds.Take(VoteRefresh.MaxUserIds)])
                : null,
            FallbackText = $"Confidence vote: {vote.Question}",
        };
    }

    /// <summary>Tally while results are hidden: the number of ballots only, never the distribution or average.</summary>
    private static Container HiddenTallySection(Vote vote, VoteTally tally)
    {
        var ballots = tally.Count == 0 ? "No votes yet." : tally.Count == 1 ? "1 vote so far." : $"{tally.Count} votes so far.";
        return new Container(
        [
            new TextBlock(ballots) { Weight = "Bolder" },
            new TextBlock("Results are hidden until the vote closes" + (vote.Deadline is { } deadline ? " (at " + deadline.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC)." : ".")) { IsSubtle = true, Spacing = "None" },
        ]) { Style = "emphasis", Separator = true };
    }

    private static ExecuteAction AgainAction(Vote vote) =>
        new("Vote again", AgainVerb, new JsonObject { ["voteId"] = vote.Id }) { Id = "again" };

    /// <summary>The five ballot buttons, 5 first; titles start with their digit.</summary>
    public static IEnumerable<CardAction> CastActions(Vote vote, int? myValue) =>
        Enumerable.Range(VoteScale.Min, VoteScale.Max).Reverse().Select(value => (CardAction)new ExecuteAction(
            $"{value} - {VoteScale.Meaning(value)}" + (value == myValue ? " \u2713" : string.Empty),
            CastVerb,
            new JsonObject { ["voteId"] = vote.Id, ["value"] = value })
        {
            Id = $"cast-{value}",
        });

    /// <summary>
    /// Closing asks first: "Close vote…" opens a confirmation under the card (apart from the ballot buttons), and only its
    /// "Yes, close the vote" closes. An accidental click changes nothing.
    /// </summary>
    private static ShowCardAction CloseAction(Vote vote) => new("Close vote\u2026", new AdaptiveCard
    {
        Body = [new TextBlock("Close the vote now? Nobody can vote or change their vote after this, and the result is final.")],
        Actions = [new ExecuteAction("Yes, close the vote", CloseVerb, new JsonObject { ["voteId"] = vote.Id }) { Id = "close", Style = "destructive" }],
    })
    {
        Id = "close-confirm",
    };

    private static string Header(Vote vote)
    {
        var kind = vote.Anonymous ? "Anonymous confidence vote" : "Confidence vote (named)";
        var round = vote.Round > 1 ? $" \u00b7 round {vote.Round}" : string.Empty;
        var state = vote.IsClosed ? " \u00b7 closed"
            : vote.Deadline is { } deadline ? $" \u00b7 closes {deadline.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC" : string.Empty;
        var by = vote.CreatorName is { Length: > 0 } name ? $" \u00b7 started by {PlainText.EscapeMarkdown(name)}" : string.Empty;
        var scope = vote.ArtId is null ? string.Empty
            : (vote.Scope == VoteScope.Art ? " \u00b7 ART vote" : vote.TeamName is { Length: > 0 } team ? $" \u00b7 team {PlainText.EscapeMarkdown(team)}" : " \u00b7 team vote")
              + (vote.PiName is { Length: > 0 } pi ? $" \u00b7 {PlainText.EscapeMarkdown(pi)}" : string.Empty);
        return kind + scope + round + state + by;
    }

    private static Container TallySection(Vote vote, VoteTally tally)
    {
        var items = new List<CardElement>();
        var votes = tally.Count == 1 ? "1 vote" : $"{tally.Count} votes";
        if (tally.Count == 0)
        {
            items.Add(new TextBlock(vote.IsClosed ? "Closed without votes." : "No votes yet.") { Weight = "Bolder" });
        }
        else
        {
            var average = tally.Average.ToString("0.0", CultureInfo.InvariantCulture);
            items.Add(new TextBlock(vote.IsClosed ? $"Final result: {votes}, average {average}" : $"{votes} so far, average {average}")
            { Weight = "Bolder" });
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
        // (no characters to read out) scaled to the most chosen value.
        var max = Math.Max(1, tally.Distribution.Max());
        items.AddRange(Enumerable.Range(VoteScale.Min, VoteScale.Max).Reverse().Select(value =>
        {
            var count = tally.CountOf(value);
            var filled = (int)Math.Round((double)count * BarWidth / max);
            return (CardElement)new ColumnSet(
            [
                new Column([new TextBlock($"{value} - {VoteScale.Meaning(value)}") { Size = "Small" }]) { Width = "45" },
                new Column([filled == 0
                    ? new TextBlock("\u00a0") { Size = "Small" }
                    : new ColumnSet(
                    [
                        new Column([new TextBlock("\u00a0") { Size = "Small" }]) { Width = filled.ToString(CultureInfo.InvariantCulture), Style = "accent" },
                        .. filled < BarWidth ? new[] { new Column([new TextBlock("\u00a0") { Size = "Small" }]) { Width = (BarWidth - filled).ToString(CultureInfo.InvariantCulture) } } : [],
                    ])]) { Width = "40", VerticalContentAlignment = "Center" },
                new Column([new TextBlock(count == 1 ? "1 vote" : $"{count} votes") { Size = "Small", Weight = "Bolder" }]) { Width = "15" },
            ]) { Spacing = "None", Id = $"distribution-{value}" };
        }));
        return new Container(items) { Style = "emphasis", Separator = true };
    }
}
