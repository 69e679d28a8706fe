using Microsoft.Extensions.Internal;

namespace ArtBot.Hosting;

/// <summary>
/// The app's <see cref="TimeProvider"/> as the clock of <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/>
/// (whose options take an <see cref="ISystemClock"/>), so cache expiry follows the same time as everything else.
/// </summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
