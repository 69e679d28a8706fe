using System.Collections.Concurrent;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;
using ArtBot.Features.Votes;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Meetings;

/// <summary>
/// Asks each voter who gave a 1 or 2 in a meeting's vote, privately, what worries them: a targeted in-meeting
/// notification opening the concern page. Ballots are gathered for <see cref="MeetingOptions.ConcernPromptDelay"/> and
/// sent in calls of at most 10 recipients (Teams' limit); each voter is prompted once per vote across instances
/// (claimed in the vote's partition, keyed like the ballot, so an anonymous vote keeps no readable voter id).
/// </summary>
public sealed partial class ConcernPrompts(
    IVoteStore votes,
    ConnectorClient connector,
    RosterCache rosters,
    SharedCardUpdater background,
    MeetingPages pages,
    IOptions<MeetingOptions> options,
    ILogger<ConcernPrompts> logger) : IVoteBallotListener
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Prompt>> _queues = new(StringComparer.Ordinal);

    public void OnBallot(Vote vote, string voterId, string? channelUserId, int value)
    {
        if (vote.MeetingId is not { } meetingId || value > 2 || vote.IsClosed)
        {
            return;
        }

        var key = vote.TenantId + "|" + meetingId;
        _queues.GetOrAdd(key, _ => new()).Enqueue(new Prompt(vote, voterId, channelUserId));
        background.Schedule("concern prompts " + key, options.Value.ConcernPromptDelay, ct => FlushAsync(key, ct));
    }

    private async Task FlushAsync(string key, CancellationToken cancellationToken)
    {
        if (!_queues.TryGetValue(key, out var queue))
        {
            return;
        }

        var due = new List<Prompt>();
        while (queue.TryDequeue(out var prompt))
        {
            due.Add(prompt);
        }

        foreach (var byVote in due.GroupBy(p => p.Vote.Id))
        {
            var vote = byVote.First().Vote;
            var page = pages.Page("concern.html", vote.Id);
            if (page is null)
            {
                LogNoAddress(vote.Id);
                continue;
            }

            var recipients = new List<string>();
            foreach (var prompt in byVote.DistinctBy(p => p.VoterId))
            {
                if (await TeamsIdAsync(prompt, cancellationToken) is { } teamsId && await ClaimAsync(vote, prompt.VoterId, cancellationToken))
                {
                    recipients.Add(teamsId);
                }
            }

            string title;
            using (vote.Locale?.Use())
            {
                title = MeetingStrings.ConcernTitle;
            }

            foreach (var batch in recipients.Chunk(TargetedMeetingNotification.MaxRecipients))
            {
                var notification = new TargetedMeetingNotification
                {
                    Value = new TargetedMeetingNotificationValue(batch, [MeetingNotificationSurface.StageDialog(page, title, MeetingPages.BubbleWidth, MeetingPages.BubbleHeight)]),
                };
                var sent = await connector.SendMeetingNotificationAsync(vote.ServiceUrl, vote.TenantId, vote.MeetingId!, notification, cancellationToken);
                if (!sent.IsSuccess)
                {
                    LogNotSent(vote.Id, batch.Length, sent.StatusCode);
                }
                else if (sent.Value?.RecipientsFailureInfo is { Count: > 0 } failed)
                {
                    LogPartlySent(vote.Id, batch.Length - failed.Count, failed.Count);
                }
            }
        }
    }

    private async Task<string?> TeamsIdAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.ChannelUserId is { Length: > 0 } known)
        {
            return known;
        }

        var roster = await rosters.GetAsync(prompt.Vote, cancellationToken);
        return roster?.FirstOrDefault(m => string.Equals(m.AadObjectId, prompt.VoterId, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private async Task<bool> ClaimAsync(Vote vote, string voterId, CancellationToken cancellationToken)
    {
        try
        {
            return await votes.ClaimConcernPromptAsync(vote, voterId, cancellationToken);
        }
        catch (VoteClosedException)
        {
            return false; // closed meanwhile: no concern can be added any more
        }
    }

    private sealed record Prompt(Vote Vote, string VoterId, string? ChannelUserId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concern prompts of vote {VoteId} not sent: the pages' public address is unknown (set Meetings:PublicUrl)")]
    private partial void LogNoAddress(string voteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concern prompts of vote {VoteId} to {Count} voters not sent (HTTP {Status})")]
    private partial void LogNotSent(string voteId, int count, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concern prompts of vote {VoteId}: {Sent} delivered, {Failed} not reached")]
    private partial void LogPartlySent(string voteId, int sent, int failed);
}
