using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using ArtBot.Features.Arts;
using ArtBot.Features.Commands;
using ArtBot.Features.Installation;
using ArtBot.Features.Votes;

namespace ArtBot.Features.Sync;

/// <summary>
/// <c>sync now</c> (RTE: post the check-in prompts of the next sync at once) and <c>sync summary</c> (post or refresh the
/// summary): sub-commands of the ARTs feature's <c>sync</c> command, which dispatches them here.
/// </summary>
public static class SyncCommands
{
    /// <summary>True for the sub-commands this feature answers (<c>now</c>, <c>summary</c>); the ARTs feature owns the rest of <c>sync</c>.</summary>
    public static bool Handles(string arguments) => CommandRouter.Split(arguments).Word is "now" or "summary";

    /// <summary>Runs <c>sync now</c> or <c>sync summary</c>; <paramref name="arguments"/> is the text after <c>sync</c>.</summary>
    public static Task RunAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        CommandRouter.Split(arguments).Word == "now" ? NowAsync(turn, cancellationToken) : SummaryAsync(turn, cancellationToken);

    private static async Task NowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await FindArtAsync(turn, cancellationToken) is not { } art)
        {
            return;
        }

        if (!turn.Activity.IsRteOf(art))
        {
            var names = string.Join(", ", art.Rtes.Select(r => r.Name ?? "an RTE"));
            await turn.SendAsync(Activity.CreateMessage($"Only the ART's RTEs ({names}) can post the check-in early."), cancellationToken);
            return;
        }

        var now = turn.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (SyncCalendar.Next(art, now) is not { } occurrence)
        {
            await turn.SendAsync(Activity.CreateMessage("No ART sync is scheduled: the PI has ended or every coming date is skipped."), cancellationToken);
            return;
        }

        var store = turn.Services.GetRequiredService<ISyncStore>();
        await store.RequestPromptsAsync(OccurrenceKey.Of(art, occurrence), now, turn.Activity.UserId()!, cancellationToken);
        turn.Services.GetRequiredService<SyncSchedulerService>().Nudge();
        var teams = await turn.Services.GetRequiredService<IArtStore>().GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var reachable = teams.Count(t => t.UnreachableSince is null);
        await turn.SendAsync(Activity.CreateMessage(
            $"Posting the check-in for the sync {SyncText.When(art, occurrence)} to {reachable} team channel{(reachable == 1 ? "" : "s")} now. Teams that already have it will not get it twice."),
            cancellationToken);
    }

    private static async Task SummaryAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await FindArtAsync(turn, cancellationToken) is not { } art)
        {
            return;
        }

        var now = turn.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (SyncCalendar.Current(art, now) is not { } occurrence)
        {
            await turn.SendAsync(Activity.CreateMessage("No ART sync is scheduled: the PI has ended or every coming date is skipped."), cancellationToken);
            return;
        }

        var outcome = await turn.Services.GetRequiredService<SummaryPublisher>().PublishAsync(art, occurrence, cancellationToken);
        var here = ConversationIds.WithoutThread(turn.Activity.Conversation!.Id!) == art.SummaryConversationId;
        var text = outcome switch
        {
            null => "The summary is being posted right now.",
            { IsSuccess: false } => $"I could not post the summary to the summary channel ({outcome.Kind}). Please try again later.",
            _ when here => null,
            _ => $"The summary of the sync {SyncText.When(art, occurrence)} is in the ART's summary channel.",
        };
        if (text is not null)
        {
            await turn.SendAsync(Activity.CreateMessage(text), cancellationToken);
        }
    }

    private static async Task<Art?> FindArtAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var membership = await turn.Services.GetRequiredService<IArtStore>().FindByConversationAsync(
            ConversationIds.Tenant(activity), ConversationIds.WithoutThread(activity.Conversation!.Id!), cancellationToken);
        if (membership is null)
        {
            await turn.SendAsync(Activity.CreateMessage("This conversation is not part of an ART. An RTE sets one up with `art setup`; team channels join with `art join <team name>`."), cancellationToken);
        }

        return membership?.Art;
    }
}
