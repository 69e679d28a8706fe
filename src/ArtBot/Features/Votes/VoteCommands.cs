using System.Globalization;
using System.Text;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Votes;
using ArtBot.Features.Commands;
using ArtBot.Features.Installation;

namespace ArtBot.Features.Votes;

/// <summary><c>vote [anonymous] &lt;question&gt;</c> starts a confidence vote; <c>votes</c> lists this conversation's votes.</summary>
public static partial class VoteCommands
{
    public const string VoteName = "vote";
    public const string ListName = "votes";
    public const int ListMax = 20;

    public static BotCommand Vote() => new(
        VoteName,
        "vote [anonymous] <question>",
        "Start a fist-of-five confidence vote (1-5); add 'anonymous' to hide who voted what",
        StartAsync);

    public static BotCommand List() => new(
        ListName,
        "votes",
        "List the confidence votes of this conversation with their averages and outcomes",
        ListAsync);

    private static async Task StartAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var anonymous = false;
        var (first, rest) = CommandRouter.Split(arguments);
        if (first == "anonymous")
        {
            anonymous = true;
            arguments = rest;
        }

        var check = VoteRules.CheckQuestion(arguments);
        if (check.Question is null)
        {
            await turn.SendAsync(Activity.CreateMessage(check.Error), cancellationToken);
            return;
        }

        var activity = turn.Activity;
        var tenant = ConversationIds.Tenant(activity);
        var postedIn = activity.Conversation!.Id!;
        var conversation = ConversationIds.WithoutThread(postedIn);
        var vote = new Vote
        {
            Id = VoteIds.FromActivity(tenant, conversation, activity.Id ?? Guid.NewGuid().ToString("N")),
            TenantId = tenant,
            ConversationId = conversation,
            PostedConversationId = postedIn,
            ServiceUrl = activity.ServiceUrl!,
            Question = check.Question,
            Anonymous = anonymous,
            CreatorId = VoteActions.VoterId(activity) ?? "unknown",
            CreatorName = activity.From?.Name,
            CreatedAt = turn.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };

        var store = turn.Services.GetRequiredService<IVoteStore>();
        if (!await store.CreateAsync(vote, cancellationToken))
        {
            return; // a redelivery of the same command: the vote exists and its card was posted
        }

        var card = VoteCard.Build(vote, VoteTally.Empty, []);
        var outcome = await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            await store.SetActivityIdAsync(vote.Id, activityId, cancellationToken);
        }
        else
        {
            LogNotPosted(turn.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VoteCommands)), vote.Id, outcome.Kind.ToString());
        }
    }

    private static async Task ListAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var store = turn.Services.GetRequiredService<IVoteStore>();
        var votes = await store.ListAsync(
            ConversationIds.Tenant(activity), ConversationIds.WithoutThread(activity.Conversation!.Id!), ListMax, cancellationToken);

        var body = new List<CardElement> { new TextBlock("Confidence votes in this conversation") { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (votes.Count == 0)
        {
            body.Add(new TextBlock("No votes yet. Start one with `vote <question>`."));
        }

        foreach (var summary in votes)
        {
            var tally = summary.FinalTally ?? VoteTally.From((await store.GetBallotsAsync(summary.VoteId, cancellationToken)).Select(b => b.Value));
            body.Add(new Container(
            [
                new TextBlock(summary.Question) { Weight = "Bolder" },
                new TextBlock(Line(summary, tally)) { IsSubtle = true, Spacing = "None" },
            ]) { Separator = true });
        }

        var card = new AdaptiveCard { Body = body, FallbackText = "Confidence votes in this conversation" };
        await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
    }

    /// <summary>"Closed 20 Nov 2026 · 12 votes · average 3.4 · Commitment accepted".</summary>
    public static string Line(VoteSummary summary, VoteTally tally)
    {
        var line = new StringBuilder();
        line.Append(summary.ClosedAt is { } closed ? "Closed " + closed.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "Open");
        line.Append(summary.Anonymous ? " \u00b7 anonymous" : string.Empty);
        line.Append(" \u00b7 ").Append(tally.Count == 1 ? "1 vote" : $"{tally.Count} votes");
        if (tally.Count > 0)
        {
            line.Append(" \u00b7 average ").Append(tally.Average.ToString("0.0", CultureInfo.InvariantCulture));
            line.Append(" \u00b7 ").Append(VoteRules.Describe(VoteRules.OutcomeOf(tally)));
            if (summary.ClosedAt is null)
            {
                line.Append(" so far");
            }
        }

        return line.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of vote {VoteId} was not posted: {Kind}")]
    private static partial void LogNotPosted(ILogger logger, string voteId, string kind);
}
