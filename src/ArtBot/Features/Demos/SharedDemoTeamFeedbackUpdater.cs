using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// Keeps each team's feedback card in its channel in step with the feedback and integration problems on its items. On
/// the first feedback or problem of a team the card is posted (once across instances: the team's row is claimed with <c>FeedbackClaimedAt</c>, ETag-guarded, before the post; a claim older than <see cref="ClaimLease"/> without a posted card may be taken over);
/// later changes replace it in place through the <see cref="SharedCardUpdater"/> (bursts become one update).
/// </summary>
public sealed partial class SharedDemoTeamFeedbackUpdater(
    IArtStore arts, DemoFollowUpReader reader, ConnectorClient connector, SharedCardUpdater updater, TimeProvider time,
    ILogger<SharedDemoTeamFeedbackUpdater> logger) : IDemoChangeListener
{
    /// <summary>Trailing delay between the first change of a burst and the update.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);


    public void Changed(DemoChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.TeamConversationId is not { } team || change.Kind is not (DemoChangeKind.Feedback or DemoChangeKind.Problem or DemoChangeKind.FollowUp))
        {
            return;
        }

        updater.Schedule(CardKey(change.TenantId, change.ArtId, change.DemoId, team), Delay,
            ct => UpdateNowAsync(change.TenantId, change.ArtId, change.DemoId, team, ct));
    }

    /// <summary>Posts the team's card if it is not yet posted (and nobody else is posting it), else replaces it.</summary>
    public async Task UpdateNowAsync(string tenantId, string artId, string demoId, string teamConversationId, CancellationToken cancellationToken)
    {
        if (await arts.GetAsync(tenantId, artId, cancellationToken) is not { } art
            || await reader.AnswerAsync(tenantId, artId, demoId, teamConversationId, cancellationToken) is not { } answer)
        {
            return;
        }

        if (answer.FeedbackActivityId is { } activityId)
        {
            var card = await SharedAsync(art, answer, cancellationToken);
            await updater.ReplaceAsync(CardKey(tenantId, artId, demoId, teamConversationId), art.ServiceUrl, tenantId, teamConversationId, activityId, card, cancellationToken);
            return;
        }

        await PostAsync(art, answer, cancellationToken);
    }

    /// <summary>The card everyone in the team's channel sees, in the ART's language whoever's action changed it.</summary>
    public async Task<AdaptiveCard> SharedAsync(Art art, DemoTeamAnswer answer, CancellationToken cancellationToken, Func<string>? notice = null, string? noticeColor = null)
    {
        var view = await reader.ViewAsync(art, answer, cancellationToken);
        using var locale = ArtLocale.ForCard(art).Use();
        return DemoTeamFeedbackCard.Build(view, notice?.Invoke(), noticeColor);
    }

    private async Task PostAsync(Art art, DemoTeamAnswer answer, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(answer, cancellationToken);
        if (claimed is null)
        {
            return; // posted or being posted by another instance: its update follows the change
        }

        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var team = teams.FirstOrDefault(t => t.ConversationId == claimed.TeamConversationId);
        var serviceUrl = team?.ServiceUrl is { Length: > 0 } url ? url : art.ServiceUrl;
        var card = await SharedAsync(art, claimed, cancellationToken);
        var outcome = await connector.SendToConversationAsync(serviceUrl, art.TenantId, claimed.TeamConversationId,
            Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = card.FallbackText }, CancellationToken.None);
        var posted = outcome.IsSuccess && outcome.Id is { Length: > 0 } ? outcome.Id : null;
        if (posted is null)
        {
            LogNotPosted(claimed.Id, outcome.Kind.ToString(), outcome.StatusCode);
        }
        else
        {
            LogPosted(claimed.Id);
        }

        await SetActivityIdAsync(claimed, posted, CancellationToken.None);
    }

    /// <summary>How long a claim to post holds before another instance may take it over (its instance stopped mid-post).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>Claims the post (an ETag-guarded update of <c>FeedbackClaimedAt</c>); null when posted or held elsewhere.</summary>
    private Task<DemoTeamAnswer?> ClaimAsync(DemoTeamAnswer answer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return DemoRows.UpdateAsync(reader.Answers, answer,
            a => a.FeedbackActivityId is null && (a.FeedbackClaimedAt is not { } claimedAt || now - claimedAt >= ClaimLease) ? a with { FeedbackClaimedAt = now } : null,
            null, cancellationToken);
    }

    /// <summary>
    /// Stores the posted card's id, or drops the claim when it was not posted (the next change tries again), unless the
    /// claim was taken over meanwhile; re-reads on a conflict (the team's answer changes the row too).
    /// </summary>
    private Task<DemoTeamAnswer?> SetActivityIdAsync(DemoTeamAnswer claimed, string? activityId, CancellationToken cancellationToken) =>
        DemoRows.UpdateAsync(reader.Answers, claimed,
            a => a.FeedbackClaimedAt != claimed.FeedbackClaimedAt || a.FeedbackActivityId is not null ? null
                : activityId is null ? a with { FeedbackClaimedAt = null } : a with { FeedbackActivityId = activityId },
            null, cancellationToken);

    private static string CardKey(string tenantId, string artId, string demoId, string teamConversationId) =>
        $"demo-feedback {tenantId} {artId} {demoId} {teamConversationId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feedback card of team answer {AnswerId} posted")]
    private partial void LogPosted(string answerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo feedback card of team answer {AnswerId} not posted: {Kind} {StatusCode}")]
    private partial void LogNotPosted(string answerId, string kind, int statusCode);
}
