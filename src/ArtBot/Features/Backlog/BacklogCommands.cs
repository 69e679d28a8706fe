using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Board;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>
/// <c>features</c> (the PI's features), <c>feature add</c> (the form, for Product Managers and RTEs), <c>plan</c> (a
/// team's plan card in its channel), <c>milestone add &lt;date&gt; &lt;title&gt; [kind]</c> and <c>milestones</c>.
/// </summary>
public sealed class BacklogCommands(ArtContext arts, BacklogViews views) : IBotFeature
{
    public const string FeatureName = "feature";
    public const string FeaturesName = "features";
    public const string PlanName = "plan";
    public const string MilestoneName = "milestone";
    public const string MilestonesName = "milestones";

    public void Register(FeatureTable table) => table
        .Command(FeaturesName, () => BacklogStrings.CommandFeaturesUsage, () => BacklogStrings.CommandFeaturesDescription, FeaturesAsync)
        .Command(FeatureName, () => BacklogStrings.CommandFeatureUsage, () => BacklogStrings.CommandFeatureDescription, FeaturesAsync)
        .Command(PlanName, () => BacklogStrings.CommandPlanUsage, () => BacklogStrings.CommandPlanDescription,
            async (turn, _, ct) => { if (await ResolveAsync(turn, ct) is { } place) { await PlanAsync(place, ct); } })
        .Command(MilestonesName, () => BacklogStrings.CommandMilestonesUsage, () => BacklogStrings.CommandMilestonesDescription, MilestonesAsync)
        .Command(MilestoneName, () => BacklogStrings.CommandMilestoneUsage, () => BacklogStrings.CommandMilestoneDescription, MilestonesAsync);

    private async Task FeaturesAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(turn, cancellationToken) is not { } place)
        {
            return;
        }

        var (sub, _) = CommandRouter.Split(arguments);
        switch (sub)
        {
            case "" or "list":
                await place.Turn.SendAsync(await views.ListAsync(place, 1, null, cancellationToken), cancellationToken);
                break;
            case "add" when !BacklogViews.KeepsBacklog(place):
                await place.Turn.SendAsync(BacklogViews.OnlyBacklogKeepers(place.Art), cancellationToken);
                break;
            case "add":
                await place.Turn.SendAsync(FeatureFormCard.Build(place.Art, place.Teams), cancellationToken);
                break;
            case "plan":
                await PlanAsync(place, cancellationToken);
                break;
            default:
                await place.Turn.SendAsync(BacklogStrings.FeaturesUsage, cancellationToken);
                break;
        }
    }

    private async Task PlanAsync(ArtPlace place, CancellationToken cancellationToken)
    {
        if (place.Team is not { } team)
        {
            await place.Turn.SendAsync(BacklogStrings.PlanFromTeamChannel, cancellationToken);
            return;
        }

        await place.Turn.SendAsync(await views.PlanAsync(place, team, 1, null, null, cancellationToken), cancellationToken);
    }

    private async Task MilestonesAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(turn, cancellationToken) is not { } place)
        {
            return;
        }

        var (sub, rest) = CommandRouter.Split(arguments);
        if (sub is "" or "list")
        {
            await place.Turn.SendAsync(await views.MilestonesAsync(place, null, null, cancellationToken), cancellationToken);
            return;
        }

        if (sub != "add" || MilestoneCommand.Parse(rest) is not { } asked)
        {
            await place.Turn.SendAsync(BacklogStrings.MilestoneUsage, cancellationToken);
            return;
        }

        if (!BacklogViews.KeepsBacklog(place))
        {
            await place.Turn.SendAsync(BacklogViews.OnlyBacklogKeepers(place.Art), cancellationToken);
            return;
        }

        var key = "activity:" + (turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var added = await views.Planning.AddMilestoneAsync(place.Art, key, asked.Date, asked.Title, asked.Kind, place.Turn.Actor, cancellationToken);
        await place.Turn.SendAsync(added.Outcome switch
        {
            PlanOutcome.Done => await views.MilestonesAsync(place,
                Localized.Format(BacklogStrings.MilestoneAdded, asked.Title, Localized.Date(asked.Date)), null, cancellationToken),
            _ => await views.MilestonesAsync(place, Localized.Format(BacklogStrings.MilestoneInvalid, Milestone.MaxTitle), "Attention", cancellationToken),
        }, cancellationToken);
    }

    /// <summary>The ART of the turn's channel with a current PI; answers and returns null otherwise.</summary>
    private async Task<ArtPlace?> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        var place = await ArtPlace.ResolveAsync(art, cancellationToken);
        if (place is null || place.Art.CurrentPi is null)
        {
            await art.SendAsync(place is null ? CommonStrings.NotInAnArt : BacklogStrings.ErrorNoPi, cancellationToken);
            return null;
        }

        return place;
    }
}
