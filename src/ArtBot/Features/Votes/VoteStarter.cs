using ArtBot.Domain.Ids;
using ArtBot.Hosting.Telemetry;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// Starts votes the same way from every entry point (<c>vote &lt;question&gt;</c>, the "new vote" form, "Vote again"):
/// the same validation and errors, an id derived from what started it (so a redelivery creates nothing new), then
/// the vote card posted into the conversation.
/// </summary>
public sealed partial class VoteStarter(
    IVoteStore store, IArtStore arts, VoteStateReader reader, ArtBotMetrics metrics, TimeProvider time, ILogger<VoteStarter> logger,
    IPlanStore<PiObjective> objectives, IEnumerable<IVoteStartedListener> listeners)
{
    /// <summary>
    /// Starts a vote in the turn's conversation. <paramref name="seed"/> names what started it (an activity or card id).
    /// Returns the vote (new, or the existing one on a redelivery) or the reason it was refused.
    /// </summary>
    public async Task<StartResult> StartAsync(
        TurnContext turn, string seed, string? questionText, VoteOptions options, Vote? previous, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenant = ConversationIds.Tenant(activity);
        var postedIn = activity.Conversation!.Id!;
        var membership = await arts.FindByConversationAsync(tenant, ConversationIds.WithoutThread(postedIn), cancellationToken);
        var origin = new VoteOrigin(tenant, postedIn, activity.ServiceUrl!, activity.UserId() ?? "unknown", activity.From?.Id, activity.From?.Name, membership)
        {
            MeetingId = previous?.MeetingId,
        };
        return await StartAsync(origin, seed, questionText, options, previous, turn.SendAsync, cancellationToken);
    }

    /// <summary>
    /// Starts a vote from anywhere (a turn, a meeting's side panel): the same rules, store and card; <paramref name="post"/>
    /// posts the card where the vote runs.
    /// </summary>
    public async Task<StartResult> StartAsync(
        VoteOrigin origin, string seed, string? questionText, VoteOptions options, Vote? previous,
        Func<Activity, CancellationToken, Task<ConnectorOutcome>> post, CancellationToken cancellationToken)
    {
        var check = previous is null ? VoteRules.CheckQuestion(questionText) : new QuestionCheck(previous.Question, null);
        if (check.Question is null)
        {
            return new StartResult(null, check.Error, false);
        }

        var tenant = origin.TenantId;
        var conversation = ConversationIds.WithoutThread(origin.PostedConversationId);
        var now = time.GetUtcNow();
        var membership = origin.Membership;
        var vote = new Vote
        {
            Id = DerivedIds.FromActivity(tenant, conversation, seed),
            TenantId = tenant,
            ConversationId = conversation,
            PostedConversationId = origin.PostedConversationId,
            ServiceUrl = origin.ServiceUrl,
            Question = check.Question,
            Anonymous = options.Anonymous,
            HideResults = options.HideResults,
            DurationMinutes = options.DurationMinutes,
            Deadline = options.DurationMinutes is { } minutes ? now.AddMinutes(minutes) : null,
            CreatorId = origin.CreatorId,
            CreatorChannelId = origin.CreatorChannelId,
            CreatorName = origin.CreatorName,
            CreatedAt = now,
            Round = previous is null ? 1 : previous.Round + 1,
            PreviousVoteId = previous?.Id,
            ArtId = membership?.Art.Id,
            PiName = previous is null ? membership?.Art.CurrentPi?.Name : previous.PiName,
            Scope = options.Scope ?? (membership is { Team: null } ? VoteScope.Art : VoteScope.Team),
            TeamName = membership?.Team?.TeamName,
            Locale = previous?.Locale ?? ArtLocale.ForCard(membership?.Art),
            MeetingId = origin.MeetingId,
        };
        if (previous is null)
        {
            using (vote.Locale!.Use()) // the commitment is shown on the shared card as stored: in the card's language
            {
                vote = vote with { Commitment = await CommitmentAsync(membership, vote.Scope, cancellationToken) };
            }
        }
        else
        {
            vote = vote with { Commitment = previous.Commitment };
        }

        if (!await store.CreateAsync(vote, cancellationToken))
        {
            // A redelivery: the vote exists (and its card was posted by the first delivery).
            return new StartResult(await store.GetAsync(vote.Id, cancellationToken) ?? vote, null, false);
        }

        metrics.VoteStarted(vote.Anonymous);
        foreach (var listener in listeners)
        {
            await listener.OnStartedAsync(vote, cancellationToken);
        }

        var card = VoteViews.Shared(new VoteState(vote, [], [], null), null);
        var outcome = await post(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            await store.SetActivityIdAsync(vote.Id, activityId, cancellationToken);
            vote = vote with { ActivityId = activityId };
        }
        else
        {
            LogNotPosted(vote.Id, outcome.Kind.ToString());
        }

        reader.Remember(vote);
        LogStarted(vote.Id, vote.Round);
        return new StartResult(vote, null, true);
    }

    /// <summary>What the vote is on: the team's committed PI objectives (an ART vote: every team's), when there are any.</summary>
    private async Task<string?> CommitmentAsync(ArtMembership? membership, VoteScope scope, CancellationToken cancellationToken)
    {
        if (membership?.Art is not { CurrentPi: not null } art)
        {
            return null;
        }

        var team = scope == VoteScope.Team ? membership.Team?.ConversationId : null;
        if (scope == VoteScope.Team && team is null)
        {
            return null;
        }

        var current = (await objectives.ListCurrentPiAsync(art, cancellationToken)).Where(o => team is null || o.TeamConversationId == team).ToList();
        return current.Count == 0 ? null : ObjectiveRules.DescribeCommitment(current);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of vote {VoteId} was not posted: {Kind}")]
    private partial void LogNotPosted(string voteId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote {VoteId} started (round {Round})")]
    private partial void LogStarted(string voteId, int round);
}

/// <summary>
/// Where and by whom a vote is started: its tenant, the conversation its card goes to, the ART (and team) it counts
/// for, and the meeting it runs in, if any.
/// </summary>
public sealed record VoteOrigin(
    string TenantId, string PostedConversationId, string ServiceUrl, string CreatorId, string? CreatorChannelId, string? CreatorName, ArtMembership? Membership)
{
    public string? MeetingId { get; init; }
}

/// <summary>The vote started (or found again on a redelivery), or why it was refused.</summary>
public sealed record StartResult(Vote? Vote, string? Error, bool Created);
