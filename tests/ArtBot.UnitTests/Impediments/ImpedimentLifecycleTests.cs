using ArtBot.Domain.Impediments;
using static ArtBot.Tests.Shared.TestImpediments;

namespace ArtBot.UnitTests.Impediments;

public sealed class ImpedimentLifecycleTests
{
    private static readonly DateTimeOffset Now = RaisedAt.AddDays(2);

    [Fact]
    public void Taking_ownership_makes_the_actor_owner_and_roams_it_owned()
    {
        var change = ImpedimentLifecycle.TakeOwnership(Open(), Megan);

        Assert.False(change.IsRefused);
        Assert.Equal(Megan, change.Updated!.Owner);
        Assert.Equal(RoamStatus.Owned, change.Updated.Roam);
        Assert.Equal("took ownership", change.HistoryText);
    }

    [Fact]
    public void Taking_ownership_from_someone_names_them_and_keeps_the_roam_status()
    {
        var change = ImpedimentLifecycle.TakeOwnership(Open() with { Owner = Megan, Roam = RoamStatus.Mitigated }, Alex);

        Assert.Equal(Alex, change.Updated!.Owner);
        Assert.Equal(RoamStatus.Mitigated, change.Updated.Roam);
        Assert.Equal("took ownership from Megan Bowen", change.HistoryText);
    }

    [Fact]
    public void Taking_ownership_twice_is_refused()
    {
        var change = ImpedimentLifecycle.TakeOwnership(Open() with { Owner = Megan }, Megan);

        Assert.True(change.IsRefused);
        Assert.Null(change.Updated);
        Assert.Equal("You already own this.", change.Refusal);
    }

    [Fact]
    public void Setting_the_owner_records_who_gave_it_to_whom()
    {
        var change = ImpedimentLifecycle.SetOwner(Open(), Alex, Megan);

        Assert.Equal(Megan, change.Updated!.Owner);
        Assert.Equal("made Megan Bowen the owner", change.HistoryText);
        Assert.True(ImpedimentLifecycle.SetOwner(change.Updated, Alex, Megan).IsRefused);
    }

    [Theory]
    [InlineData(RoamStatus.Accepted)]
    [InlineData(RoamStatus.Mitigated)]
    public void Roam_status_is_set_and_recorded(RoamStatus roam)
    {
        var change = ImpedimentLifecycle.SetRoam(Open(), Alex, roam, Now);

        Assert.Equal(roam, change.Updated!.Roam);
        Assert.True(change.Updated.IsOpen);
        Assert.Equal($"set ROAM to {roam}", change.HistoryText);
        Assert.True(ImpedimentLifecycle.SetRoam(change.Updated, Alex, roam, Now).IsRefused);
    }

    [Fact]
    public void Roam_owned_without_an_owner_makes_the_actor_owner()
    {
        var change = ImpedimentLifecycle.SetRoam(Open(), Megan, RoamStatus.Owned, Now);

        Assert.Equal(Megan, change.Updated!.Owner);
        Assert.Equal("set ROAM to Owned and took ownership", change.HistoryText);
    }

    [Fact]
    public void Roam_resolved_resolves_it()
    {
        var change = ImpedimentLifecycle.SetRoam(Open(), Alex, RoamStatus.Resolved, Now);

        Assert.False(change.Updated!.IsOpen);
        Assert.Equal(Now, change.Updated.ResolvedAt);
        Assert.Equal(RoamStatus.Resolved, change.Updated.Roam);
    }

    [Fact]
    public void Resolving_records_the_note_and_time_and_cannot_happen_twice()
    {
        var change = ImpedimentLifecycle.Resolve(Open(), Alex, "Ops restarted it", Now);

        Assert.Equal(Now, change.Updated!.ResolvedAt);
        Assert.Equal("Ops restarted it", change.Updated.ResolutionNote);
        Assert.Equal("resolved it: Ops restarted it", change.HistoryText);
        Assert.Equal(TimeSpan.FromDays(2), change.Updated.Age(Now.AddDays(10))); // lead time stops at resolution
        Assert.Equal("This is already resolved.", ImpedimentLifecycle.Resolve(change.Updated, Alex, "again", Now).Refusal);
    }

    [Fact]
    public void Nothing_but_reopen_changes_a_resolved_impediment()
    {
        var resolved = Resolved();

        Assert.True(ImpedimentLifecycle.TakeOwnership(resolved, Alex).IsRefused);
        Assert.True(ImpedimentLifecycle.SetOwner(resolved, Alex, Alex).IsRefused);
        Assert.True(ImpedimentLifecycle.SetRoam(resolved, Alex, RoamStatus.Accepted, Now).IsRefused);
        Assert.True(ImpedimentLifecycle.Escalate(resolved, Alex, Now, "the RTE").IsRefused);
        Assert.False(ImpedimentLifecycle.Reopen(resolved, Alex).IsRefused);
    }

    [Fact]
    public void Reopening_clears_the_resolution_and_goes_back_to_owned()
    {
        var change = ImpedimentLifecycle.Reopen(Resolved(), Alex);

        Assert.True(change.Updated!.IsOpen);
        Assert.Null(change.Updated.ResolutionNote);
        Assert.Equal(RoamStatus.Owned, change.Updated.Roam);
        Assert.Equal(Megan, change.Updated.Owner);
        Assert.Equal("reopened it", change.HistoryText);
        Assert.True(ImpedimentLifecycle.Reopen(change.Updated, Alex).IsRefused);
    }

    [Fact]
    public void Reopening_without_an_owner_leaves_it_un_roamed()
    {
        var change = ImpedimentLifecycle.Reopen(Resolved() with { Owner = null }, Alex);

        Assert.Null(change.Updated!.Roam);
    }

    [Fact]
    public void Escalating_records_who_and_when_once()
    {
        var change = ImpedimentLifecycle.Escalate(Open(), Megan, Now, "the RTE");

        Assert.Equal(Now, change.Updated!.EscalatedAt);
        Assert.Equal(Megan, change.Updated.EscalatedBy);
        Assert.Equal("escalated it to the RTE", change.HistoryText);
        var again = ImpedimentLifecycle.Escalate(change.Updated, Alex, Now, "the RTE");
        Assert.True(again.IsRefused);
        Assert.Contains("already escalated by Megan Bowen", again.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_counts_from_raising_and_ageing_uses_the_configured_days()
    {
        var open = Open();

        Assert.Equal(TimeSpan.FromDays(2), open.Age(Now));
        Assert.Equal(TimeSpan.Zero, open.Age(RaisedAt.AddMinutes(-5))); // clock skew never gives a negative age
        Assert.True(ImpedimentRules.IsAgeing(open, RaisedAt.AddDays(8), 7));
        Assert.False(ImpedimentRules.IsAgeing(open, RaisedAt.AddDays(6), 7));
        Assert.False(ImpedimentRules.IsAgeing(Resolved(), RaisedAt.AddDays(30), 7));
    }
}
