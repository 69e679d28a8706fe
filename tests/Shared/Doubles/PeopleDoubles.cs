using ArtBot.Domain.Arts;
using ArtBot.Hosting;
using Microsoft.Extensions.Caching.Memory;

namespace ArtBot.Tests.Shared;

/// <summary>What the people-directory tests share: a team channel and a memory cache on the test's clock.</summary>
internal static class PeopleDoubles
{
    public static ArtTeam Team(string? groupId = "g1") => new()
    {
        TenantId = ConnectorHarness.Tenant,
        ArtId = "art-1",
        ConversationId = "19:team-channel@thread.tacv2",
        TeamName = "Rocket",
        ServiceUrl = ConnectorHarness.ServiceUrl,
        AadGroupId = groupId,
    };

    /// <summary>A memory cache on <paramref name="time"/>, as the app's is on its TimeProvider.</summary>
    public static MemoryCache NewCache(TimeProvider time) => new(new MemoryCacheOptions { Clock = new TimeProviderClock(time) });
}
