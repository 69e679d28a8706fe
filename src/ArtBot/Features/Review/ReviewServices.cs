using ArtBot.Features.Common;

namespace ArtBot.Features.Review;

/// <summary>Registers the I&amp;A quantitative review: its reader (the room's view and the cards) and the <c>review</c> command.</summary>
public static class ReviewServices
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton<ReviewReader>();
        services.AddSingleton<ReviewViews>();
        services.AddBotFeature<ReviewCommands>();
        return services;
    }
}
