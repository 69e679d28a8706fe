using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Features.Meetings;
using ArtBot.Features.Room;

namespace ArtBot.UnitTests.Meetings;

/// <summary>Who leads a meeting's votes and who links a private meeting: Teams' roles, and the RTEs only when Teams cannot say them.</summary>
public sealed class MeetingRoleTests
{
    private static readonly Person Rte = new("rte-oid", "Riley RTE");
    private static readonly RoomUser RteUser = new("tenant-1", "rte-oid", "Riley RTE");
    private static readonly RoomUser Someone = new("tenant-1", "someone-oid", "Sam");

    private static readonly Art TheArt = new()
    {
        Id = "art-1", TenantId = "tenant-1", Name = "Rocket ART", HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/", SummaryConversationId = "19:home@thread.tacv2",
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC"), Rtes = [Rte], CreatedBy = Rte,
    };

    [Theory]
    [InlineData("Organizer", true, true)]
    [InlineData("organizer", true, true)]
    [InlineData("Coorganizer", true, true)]
    [InlineData("Presenter", true, false)]
    [InlineData("Attendee", false, false)]
    [InlineData(null, false, false)]
    [InlineData("Producer", false, false)]
    public void Organizers_and_presenters_lead_and_only_organizers_link(string? role, bool leads, bool links)
    {
        var teams = new MeetingRole(role, Participant: true, Note: null);
        Assert.Equal(leads, teams.MayLead(TheArt, Someone));
        Assert.Equal(links, teams.MayLink(TheArt, Someone));
    }

    [Fact]
    public void An_rte_who_is_an_attendee_does_not_lead_while_teams_says_the_roles()
    {
        Assert.False(new MeetingRole("Attendee", true, null).MayLead(TheArt, RteUser));
        Assert.False(new MeetingRole("Attendee", true, null).MayLink(TheArt, RteUser));
    }

    [Fact]
    public void When_teams_cannot_say_roles_the_arts_rtes_in_the_meeting_lead_and_link_and_nobody_else()
    {
        var unknown = new MeetingRole(null, Participant: true, Note: "Teams did not tell your role");
        Assert.True(unknown.MayLead(TheArt, RteUser));
        Assert.True(unknown.MayLink(TheArt, RteUser));
        Assert.False(unknown.MayLead(TheArt, Someone));
        Assert.False(unknown.MayLead(null, RteUser)); // an unlinked meeting has no RTEs
        Assert.False(new MeetingRole(null, Participant: false, Note: "Teams did not tell your role").MayLead(TheArt, RteUser));
    }
}
