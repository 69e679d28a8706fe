using ArtBot.Domain.Sync;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>What to do with a claim taken over with its "sending" marker set.</summary>
public enum InterruptedSendAction
{
    /// <summary>Send it (not in the channel, or it cannot be told and the kind is sent again).</summary>
    Send,

    /// <summary>Record it as sent: the post is in the channel (<see cref="InterruptedSend.MessageId"/>), or it cannot be told and the kind is not repeated.</summary>
    RecordSent,
}

public sealed record InterruptedSend(InterruptedSendAction Action, string? MessageId, string? Note);

/// <summary>
/// Settles a send that was interrupted between "about to send" and "outcome recorded" (its instance died). With Graph
/// (<see cref="IPostedMessages.CanSearch"/>) the channel is searched for the post, <see cref="SyncOptions.PostSearchDelay"/>
/// after the marker: found, it is recorded as sent with its message id (no duplicate); not there, it is sent (no loss).
/// Without Graph, or when the search cannot tell, <see cref="SyncDelivery.ResendsInterruptedSend"/> decides.
/// </summary>
public sealed class InterruptedSends(IPostedMessages posted, IOptions<SyncOptions> options, TimeProvider time, ILogger<InterruptedSends> logger)
{
    /// <summary>How far before the marker a post counts (clock skew between this instance and Teams; the markers name the occurrence).</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<InterruptedSend> SettleAsync(
        string artId, string occurrenceId, DeliveryKind kind, string conversationId, DateTimeOffset sendingAt,
        string? teamGroupId, string? threadId, IReadOnlyList<string> markers)
    {
        if (posted.CanSearch && !string.IsNullOrWhiteSpace(teamGroupId))
        {
            var wait = sendingAt + options.Value.PostSearchDelay - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            var search = await posted.FindAsync(new PostQuery(teamGroupId, conversationId, threadId, markers, sendingAt - ClockSkew), CancellationToken.None);
            switch (search.Result)
            {
                case PostSearchResult.Posted:
                    SyncLog.InterruptedSendFound(logger, artId, occurrenceId, kind, conversationId, sendingAt, search.MessageId);
                    return new(InterruptedSendAction.RecordSent, search.MessageId, $"interrupted send at {sendingAt:O} found in the channel");
                case PostSearchResult.NotPosted:
                    SyncLog.InterruptedSendNotFound(logger, artId, occurrenceId, kind, conversationId, sendingAt);
                    return new(InterruptedSendAction.Send, null, null);
            }
        }

        if (SyncDelivery.ResendsInterruptedSend(kind))
        {
            SyncLog.InterruptedSendRepeated(logger, artId, occurrenceId, kind, conversationId, sendingAt);
            return new(InterruptedSendAction.Send, null, null);
        }

        SyncLog.InterruptedSendNotRepeated(logger, artId, occurrenceId, kind, conversationId, sendingAt);
        return new(InterruptedSendAction.RecordSent, null, $"interrupted send at {sendingAt:O} not repeated");
    }
}
