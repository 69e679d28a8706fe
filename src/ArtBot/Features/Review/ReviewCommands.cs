using ArtBot.BotFramework.Routing;
using ArtBot.Features.Common;

namespace ArtBot.Features.Review;

/// <summary>
/// <c>review</c>: the I&amp;A quantitative review. In the ART's channel the ART's figures and their spread across the
/// teams; in a team's channel that team's own figures next to the ART's.
/// </summary>
public sealed class ReviewCommands(ArtContext arts, ReviewViews views) : IBotFeature
{
    public const string Name = "review";

    public void Register(FeatureTable table) => table
        .Command(Name, () => ReviewStrings.CommandReviewUsage, () => ReviewStrings.CommandReviewDescription, ReviewAsync);

    private async Task ReviewAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        if (await art.FindArtAsync(cancellationToken) is not { } membership)
        {
            await art.SendAsync(ReviewStrings.ErrorNotInArt, cancellationToken);
            return;
        }

        await art.SendAsync(await views.CardAsync(membership.Art, membership.Team, cancellationToken), cancellationToken);
    }
}
