using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;
using ArtBot.Features.Votes;

namespace ArtBot.Features.Sync;

/// <summary>
/// <c>sync now</c> (RTE: post the check-in prompts of the next sync at once), <c>sync summary</c> (post or refresh the
/// summary), and <c>sync skip|unskip &lt;date&gt;</c>, which change the ART's calendar (<see cref="SyncCalendarCommand"/>).
/// </summary>
public sealed class SyncCommands(
    ArtContext arts, ISyncStore store, SummaryPublisher summaries, SyncSchedulerService scheduler) : IBotFeature
{
    public const string SyncName = "sync";

    public void Register(FeatureTable table) => table.Command(
        SyncName,
        () => SyncStrings.CommandSyncUsage,
        () => SyncStrings.CommandSyncDescription,
        RunAsync);

    private Task RunAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) => CommandRouter.Split(arguments).Word switch
    {
        "now" => NowAsync(turn, cancellationToken),
        "summary" => SummaryAsync(turn, cancellationToken),
        _ => SyncCalendarCommand.RunAsync(new ArtTurn(turn, arts), arguments, cancellationToken),
    };

    private async Task NowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await FindArtAsync(turn, cancellationToken) is not { } art)
        {
            return;
        }

        if (!turn.Activity.IsRteOf(art))
        {
            var names = string.Join(", ", art.Rtes.Select(r => r.Name ?? SyncStrings.NowAnRte));
            await turn.SendAsync(Activity.CreateMessage(Localized.Format(SyncStrings.NowOnlyRtes, names)), cancellationToken);
            return;
        }

        var now = arts.Time.GetUtcNow();
        if (SyncCalendar.Next(art, now) is not { } occurrence)
        {
            await turn.SendAsync(Activity.CreateMessage(SyncStrings.NoSyncScheduled), cancellationToken);
            return;
        }

        await store.RequestPromptsAsync(OccurrenceKey.Of(art, occurrence), now, turn.Activity.UserId()!, cancellationToken);
        scheduler.Nudge();
        var teams = await arts.Store.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var reachable = teams.Count(t => t.UnreachableSince is null);
        await turn.SendAsync(Activity.CreateMessage(
            Localized.Format(reachable == 1 ? SyncStrings.NowPostingOne : SyncStrings.NowPostingOther, SyncText.When(art, occurrence), reachable)),
            cancellationToken);
    }

    private async Task SummaryAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await FindArtAsync(turn, cancellationToken) is not { } art)
        {
            return;
        }

        var now = arts.Time.GetUtcNow();
        if (SyncCalendar.Current(art, now) is not { } occurrence)
        {
            await turn.SendAsync(Activity.CreateMessage(SyncStrings.NoSyncScheduled), cancellationToken);
            return;
        }

        var outcome = await summaries.PublishAsync(art, occurrence, cancellationToken);
        var here = ConversationIds.WithoutThread(turn.Activity.Conversation!.Id!) == art.SummaryConversationId;
        var text = outcome switch
        {
            null => SyncStrings.SummaryBeingPosted,
            { IsSuccess: false } => Localized.Format(SyncStrings.SummaryNotPosted, outcome.Kind),
            _ when here => null,
            _ => Localized.Format(SyncStrings.SummaryIsInChannel, SyncText.When(art, occurrence)),
        };
        if (text is not null)
        {
            await turn.SendAsync(Activity.CreateMessage(text), cancellationToken);
        }
    }

    private async Task<Art?> FindArtAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var membership = await arts.Store.FindByConversationAsync(
            ConversationIds.Tenant(activity), ConversationIds.WithoutThread(activity.Conversation!.Id!), cancellationToken);
        if (membership is null)
        {
            await turn.SendAsync(Activity.CreateMessage(SyncStrings.NotInArt), cancellationToken);
        }

        return membership?.Art;
    }
}
