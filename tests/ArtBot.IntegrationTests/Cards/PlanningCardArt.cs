using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>The ART the planning cards' tests draw with (PI 2027.1, six iterations) and its teams with names at their longest.</summary>
internal static class PlanningCardArt
{
    public static readonly Art Art = new()
    {
        Id = "art-1",
        TenantId = "tenant",
        Name = "Rocket ART",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:home@thread.tacv2",
        CurrentPi = new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28)),
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC"),
        Rtes = [new Person("rte-aad", "Riley RTE")],
        CreatedBy = new Person("rte-aad", "Riley RTE"),
    };

    public static ArtTeam Team(int n) => new()
    {
        TenantId = "tenant", ArtId = "art-1", ConversationId = $"19:team{n:00}@thread.tacv2", TeamName = $"Team {n:00} with a long-ish name", ServiceUrl = Art.ServiceUrl,
    };
}
