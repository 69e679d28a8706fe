using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.People;

namespace ArtBot.UnitTests.Demos;

public sealed class DemoRulesTests
{
    private static readonly ProgramIncrement Pi = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28));

    private static Art Art(string zone = "UTC") => new()
    {
        Id = "a",
        TenantId = "t",
        Name = "Train",
        HomeConversationId = "home",
        ServiceUrl = "https://smba.example/",
        SummaryConversationId = "home",
        CurrentPi = Pi,
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), zone),
        Rtes = [new Person("rte", "Riley")],
        CreatedBy = new Person("rte", "Riley"),
    };

    private static SystemDemo Stored(int iteration, DateOnly date, TimeOnly time, bool skipped = false) => new()
    {
        Id = DemoIds.Demo("t", "a", Pi.Name, iteration),
        TenantId = "t",
        ArtId = "a",
        Pi = Pi.Name,
        Iteration = iteration,
        Date = date,
        Time = time,
        Skipped = skipped,
        Moved = true,
    };

    [Fact]
    public void The_default_day_is_the_last_working_day_of_the_iteration()
    {
        Assert.Equal(new DateOnly(2027, 1, 15), DemoRules.DefaultDate(new Iteration(1, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 17), false)));
        Assert.Equal(new DateOnly(2027, 1, 13), DemoRules.DefaultDate(new Iteration(1, new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 13), false)));
        // Only a weekend: its last day.
        Assert.Equal(new DateOnly(2027, 1, 10), DemoRules.DefaultDate(new Iteration(1, new DateOnly(2027, 1, 9), new DateOnly(2027, 1, 10), false)));
    }

    [Fact]
    public void An_occurrence_uses_the_arts_schedule_and_zone()
    {
        var art = Art("Europe/Berlin") with { Demo = new DemoSchedule(new TimeOnly(15, 30)) { PromptLead = TimeSpan.FromDays(2), AgendaLead = TimeSpan.FromHours(3) } };
        var first = DemoRules.OfCurrentPi(art, [])[0];
        Assert.Equal((1, new DateOnly(2027, 1, 15), new TimeOnly(15, 30), false), (first.Iteration, first.Date, first.Time, first.Skipped));
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 14, 30, 0, TimeSpan.Zero), first.StartsAt);
        Assert.Equal(first.StartsAt - TimeSpan.FromDays(2), first.PromptAt);
        Assert.Equal(first.StartsAt - TimeSpan.FromHours(3), first.AgendaAt);
    }

    [Fact]
    public void A_stored_demo_wins_and_every_iteration_has_its_demo_by_default_the_ip_iterations_too()
    {
        var art = Art();
        var all = DemoRules.OfCurrentPi(art, [Stored(2, new DateOnly(2027, 1, 27), new TimeOnly(9, 0)), Stored(3, new DateOnly(2027, 2, 12), new TimeOnly(14, 0), skipped: true)]);
        Assert.Equal(6, all.Count);
        Assert.Equal(new DateTimeOffset(2027, 1, 27, 9, 0, 0, TimeSpan.Zero), all[1].StartsAt);
        Assert.True(all[2].Skipped);
        Assert.False(all[5].Skipped);
        // Not moved: the ART's default day and time, whatever the row says.
        var unmoved = DemoRules.OfCurrentPi(art, [Stored(2, new DateOnly(2027, 1, 27), new TimeOnly(9, 0)) with { Moved = false }]);
        Assert.Equal(new DateTimeOffset(2027, 1, 29, 14, 0, 0, TimeSpan.Zero), unmoved[1].StartsAt);
        Assert.False(all[4].Skipped);

        // Next: not skipped and not over (caught up a few hours after its start).
        Assert.Equal(1, DemoRules.Next(art, [], new DateTimeOffset(2027, 1, 15, 15, 0, 0, TimeSpan.Zero))!.Iteration);
        Assert.Equal(2, DemoRules.Next(art, [], new DateTimeOffset(2027, 1, 15, 18, 1, 0, TimeSpan.Zero))!.Iteration);
        var stored = new[] { Stored(3, new DateOnly(2027, 2, 12), new TimeOnly(14, 0), skipped: true) };
        Assert.Equal(4, DemoRules.Next(art, stored, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero))!.Iteration);
        Assert.Equal(6, DemoRules.Next(art, [], new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.Zero))!.Iteration); // the IP iteration's
        Assert.Null(DemoRules.Next(art, [], new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero)));
        Assert.Null(DemoRules.Next(art with { CurrentPi = null }, [], new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(3, DemoRules.Named(art, stored, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), null)!.Iteration);
        Assert.Equal(5, DemoRules.Named(art, stored, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), 5)!.Iteration);
        Assert.Null(DemoRules.Named(art, stored, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), 9));
    }

    [Fact]
    public void A_time_skipped_by_a_clock_change_moves_on_and_an_unknown_zone_is_utc()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), DemoRules.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), "Europe/Berlin"));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 14, 0, 0, TimeSpan.Zero), DemoRules.ToUtc(new DateOnly(2027, 3, 1), new TimeOnly(14, 0), "Nowhere/Else"));
    }

    [Theory]
    [InlineData("", DemoCommandKind.Show, null)]
    [InlineData("  ", DemoCommandKind.Show, null)]
    [InlineData("skip", DemoCommandKind.Skip, null)]
    [InlineData("SKIP 3", DemoCommandKind.Skip, 3)]
    [InlineData("unskip 6", DemoCommandKind.Unskip, 6)]
    [InlineData("skip three", DemoCommandKind.Invalid, null)]
    [InlineData("skip 3 4", DemoCommandKind.Invalid, null)]
    [InlineData("skip 0", DemoCommandKind.Invalid, null)]
    [InlineData("dance", DemoCommandKind.Invalid, null)]
    [InlineData("move", DemoCommandKind.Invalid, null)]
    [InlineData("move 2027-13-01", DemoCommandKind.Invalid, null)]
    [InlineData("move 2 2027-01-28 25:00", DemoCommandKind.Invalid, null)]
    [InlineData("move 2 2027-01-28 10:00 extra", DemoCommandKind.Invalid, null)]
    [InlineData("meeting", DemoCommandKind.Meeting, null)]
    [InlineData("meeting 4", DemoCommandKind.Meeting, 4)]
    [InlineData("settings", DemoCommandKind.Invalid, null)]
    [InlineData("settings 14:00 prompt", DemoCommandKind.Invalid, null)]
    [InlineData("settings 14:00 prompt 0", DemoCommandKind.Invalid, null)]
    [InlineData("settings 14:00 agenda 2 agenda 3", DemoCommandKind.Invalid, null)]
    [InlineData("settings 14:00 colour 3", DemoCommandKind.Invalid, null)]
    public void Arguments_are_read_or_refused(string arguments, DemoCommandKind kind, int? iteration)
    {
        var command = DemoRules.Parse(arguments);
        Assert.Equal((kind, iteration), (command.Kind, command.Iteration));
    }

    [Fact]
    public void Move_settings_and_meeting_carry_their_values()
    {
        Assert.Equal(new DemoCommand(DemoCommandKind.Move, 2, new DateOnly(2027, 1, 28), new TimeOnly(10, 0)), DemoRules.Parse("move 2 2027-01-28 10:00"));
        Assert.Equal(new DemoCommand(DemoCommandKind.Move, null, new DateOnly(2027, 1, 28)), DemoRules.Parse("move 2027-01-28"));
        Assert.Equal(new DemoCommand(DemoCommandKind.Settings, Time: new TimeOnly(9, 30), PromptDays: 2, AgendaHours: 4), DemoRules.Parse("settings 9:30 prompt 2 agenda 4"));
        Assert.Equal(new DemoCommand(DemoCommandKind.Settings, Time: new TimeOnly(16, 0), AgendaHours: 0), DemoRules.Parse("settings 16:00 agenda 0"));
        Assert.Equal(new DemoCommand(DemoCommandKind.Meeting, 3, ArtName: "Rocket Train"), DemoRules.Parse("meeting Rocket Train 3"));
    }

    [Fact]
    public void Items_keep_their_ids_drop_repeats_and_respect_the_limits()
    {
        var picks = new[] { new DemoPick(DemoItemKind.Feature, "f1", "Checkout"), new DemoPick(DemoItemKind.Objective, "o1", "Faster search"), new DemoPick(DemoItemKind.Feature, "f1", "Checkout") };
        var result = DemoRules.Items("answer", picks, "  Login   flow \n\n login flow\nNew icons", "  Megan  ");
        Assert.Equal(DemoItemsError.None, result.Error);
        Assert.Equal(["Checkout", "Faster search", "Login flow", "New icons"], result.Items.Select(i => i.Title));
        Assert.All(result.Items, i => Assert.Equal("Megan", i.Presenter));
        Assert.Equal(DemoIds.Item("answer", DemoItemKind.Feature, "f1"), result.Items[0].Id);
        var again = DemoRules.Items("answer", [], "LOGIN FLOW", null);
        Assert.Equal(result.Items[2].Id, again.Items[0].Id);
        Assert.Null(again.Items[0].Presenter);

        Assert.Equal(DemoItemsError.Empty, DemoRules.Items("answer", [], " \n ", null).Error);
        Assert.Equal(DemoItemsError.TooMany, DemoRules.Items("answer", [], string.Join('\n', Enumerable.Range(1, DemoTeamAnswer.MaxItems + 1).Select(n => "item " + n)), null).Error);
        Assert.Equal(DemoItemsError.TitleTooLong, DemoRules.Items("answer", [], new string('x', DemoItem.MaxTitle + 1), null).Error);
        Assert.Equal(DemoItemsError.PresenterTooLong, DemoRules.Items("answer", [], "x", new string('p', DemoItem.MaxPresenter + 1)).Error);
        Assert.Equal(DemoItem.MaxTitle, DemoRules.Items("answer", [new DemoPick(DemoItemKind.Feature, "f", new string('t', 300))], null, null).Items[0].Title.Length);
    }
}
