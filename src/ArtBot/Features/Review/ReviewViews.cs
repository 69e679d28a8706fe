using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;

namespace ArtBot.Features.Review;

/// <summary>The review card of an ART (its channel, the I&amp;A) or of one of its teams (that team's channel).</summary>
public sealed class ReviewViews(ReviewReader reader)
{
    public async Task<AdaptiveCard> CardAsync(Art art, ArtTeam? team, CancellationToken cancellationToken) =>
        ReviewCard.Build(art, await reader.ReadAsync(art, cancellationToken), team);
}
