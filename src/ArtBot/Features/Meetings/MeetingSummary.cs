using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Meetings;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Votes;

namespace ArtBot.Features.Meetings;

/// <summary>
/// When a meeting ends: every vote started in it closes, and one summary (each vote's result, the concerns raised as
/// risks) goes to the meeting's chat and the ART's channel. Exactly once across instances and redeliveries (the
/// meeting is marked ended first, ETag-guarded); a vote a crash left open still closes at its deadline.
/// </summary>
public sealed partial class MeetingSummary(
    IMeetingStore meetings, MeetingPlaces places, VoteCloser closer, ConnectorClient connector, TimeProvider time, ILogger<MeetingSummary> logger)
{
    public async Task EndAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var endedAt = time.GetUtcNow();
        if (!await meetings.MarkEndedAsync(meeting.TenantId, meeting.MeetingId, endedAt, cancellationToken))
        {
            return; // ended before (another instance, or a redelivery)
        }

        var finals = new List<VoteState>();
        foreach (var voteId in (await meetings.ListVoteIdsAsync(meeting.TenantId, meeting.MeetingId, 50, cancellationToken)).Reverse())
        {
            var (final, _) = await closer.CloseAsync(voteId, endedAt, repairCard: false, cancellationToken);
            finals.Add(final);
        }

        var art = await places.ArtOfAsync(meeting, cancellationToken);
        AdaptiveCard card;
        using (ArtLocale.ForCard(art?.Art).Use()) // in the ART's language, whoever ended the meeting
        {
            card = Card(meeting, finals);
        }

        await PostAsync(meeting.ServiceUrl, meeting.TenantId, meeting.ChatId, card, cancellationToken);
        if (art?.Art is { } linked && !string.Equals(ConversationIds.WithoutThread(meeting.ChatId), linked.SummaryConversationId, StringComparison.Ordinal))
        {
            await PostAsync(linked.ServiceUrl, meeting.TenantId, linked.SummaryConversationId, card, cancellationToken);
        }

        LogEnded(finals.Count);
    }

    /// <summary>The summary card of the meeting's votes, each with its final result.</summary>
    public static AdaptiveCard Card(Meeting meeting, IReadOnlyList<VoteState> finals)
    {
        var body = new List<CardElement>
        {
            new TextBlock(meeting.Title is { Length: > 0 } title ? Localized.Format(MeetingStrings.SummaryTitleNamed, PlainText.EscapeMarkdown(title)) : MeetingStrings.SummaryTitle)
            {
                Size = "Medium", Weight = "Bolder", Style = "heading",
            },
        };
        if (finals.Count == 0)
        {
            body.Add(new TextBlock(MeetingStrings.SummaryNoVotes) { IsSubtle = true });
        }

        foreach (var final in finals)
        {
            var vote = final.Vote;
            var tally = final.Tally;
            var who = vote.Scope == VoteScope.Art ? MeetingStrings.ScopeArt : Localized.Format(MeetingStrings.ScopeTeam, vote.TeamName ?? "");
            var result = tally.Outcome is { } outcome
                ? Localized.Format(MeetingStrings.SummaryResult, tally.Average.ToString("0.0", Localized.Culture), tally.Count, VoteRules.Describe(outcome))
                : MeetingStrings.SummaryNoBallots;
            var risks = final.Concerns.Count(c => c.RiskId is not null);
            body.Add(new Container(
            [
                new TextBlock(Localized.Format(MeetingStrings.SummaryVote, who, vote.Question, vote.Round)) { Weight = "Bolder" },
                new TextBlock(result) { Color = tally.Outcome == VoteOutcome.CommitmentAccepted ? "Good" : tally.Outcome is null ? null : "Attention" },
                new TextBlock(Localized.Format(MeetingStrings.SummaryConcerns, final.Concerns.Count, risks)) { IsSubtle = true },
            ]) { Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = MeetingStrings.SummaryTitle };
    }

    private async Task PostAsync(string serviceUrl, string tenantId, string conversationId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var outcome = await connector.SendToConversationAsync(serviceUrl, tenantId, conversationId, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotPosted(outcome.Kind.ToString(), outcome.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting ended: {Count} votes closed and summarized")]
    private partial void LogEnded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A meeting summary was not posted: {Kind} (HTTP {Status})")]
    private partial void LogNotPosted(string kind, int status);
}
