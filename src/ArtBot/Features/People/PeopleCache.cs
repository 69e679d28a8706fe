using Microsoft.Extensions.Caching.Memory;

namespace ArtBot.Features.People;

/// <summary>How the People directories keep what they read in the app's <see cref="IMemoryCache"/>.</summary>
internal static class PeopleCache
{
    /// <summary>Keeps <paramref name="value"/> for <paramref name="duration"/> from now; a zero duration keeps nothing.</summary>
    public static void Keep<TValue>(this IMemoryCache cache, object key, TValue value, TimeSpan duration)
    {
        if (duration > TimeSpan.Zero)
        {
            cache.Set(key, value, duration);
        }
    }
}
