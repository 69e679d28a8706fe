using ArtBot.BotFramework.Routing;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// <c>integration problems</c>: the open integration problems found at System Demos, with their repair forms: in the
/// ART's channel every team's, in a team's channel the team's own. (A command word of its own: <c>demo</c> belongs to
/// the agenda, and a command word is registered once.)
/// </summary>
public sealed class IntegrationCommands(ArtContext arts, DemoFollowUpReader reader) : IBotFeature
{
    public const string Name = "integration";

    public void Register(FeatureTable table) =>
        table.Command(Name, () => DemoFollowUpStrings.CommandIntegrationUsage, () => DemoFollowUpStrings.CommandIntegrationDescription, IntegrationAsync);

    private async Task IntegrationAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        var (sub, _) = CommandRouter.Split(arguments);
        if (!string.Equals(sub, "problems", StringComparison.OrdinalIgnoreCase) && sub.Length > 0)
        {
            await art.SendAsync(DemoFollowUpStrings.ErrorIntegrationUsage, cancellationToken);
            return;
        }

        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            await art.SendAsync(DemoFollowUpStrings.ErrorNotInArt, cancellationToken);
            return;
        }

        var open = await reader.OpenProblemsAsync(place.Art, place.Team?.ConversationId, cancellationToken);
        await art.SendAsync(IntegrationProblemsCard.Build(place.Art, place.Team?.TeamName, open, DemoFollowUpReader.Iterations(place.Art)), cancellationToken);
    }
}
