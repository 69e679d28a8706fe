using ArtBot.Domain.Improvements;

namespace ArtBot.UnitTests.Improvements;

public sealed class ImprovementRulesTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static ImprovementItem Item(string id, ImprovementStatus status = ImprovementStatus.Proposed, string? target = null, string? workshop = "w1", int dots = 1) => new()
    {
        Id = id,
        Scope = new ImprovementScope("t", "art", "c"),
        Title = "Item " + id,
        Problem = "Problem " + id,
        Status = status,
        TargetPi = target,
        SourcePi = "PI 1",
        WorkshopId = workshop,
        Dots = dots,
        CreatedAt = T0,
        Version = "v1",
    };

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n ")]
    [InlineData("<b></b>")]
    [InlineData(null)]
    public void An_empty_problem_is_refused_with_an_example(string? text)
    {
        var check = ImprovementRules.CheckProblem(text);

        Assert.Null(check.Text);
        Assert.Contains("improve", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_problem_is_refused_with_the_limit()
    {
        var check = ImprovementRules.CheckProblem(new string('x', 10_000));

        Assert.Null(check.Text);
        Assert.Contains("keep it to 200", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_text_is_shown_as_typed_markup_escaped_and_html_removed()
    {
        var check = ImprovementRules.CheckProblem("<script>x</script> **Builds**  take [ages](http://e.x)\n\n");

        Assert.Equal(@"x \*\*Builds\*\* take \[ages\]\(http://e.x\)", check.Text);
    }

    [Theory]
    [InlineData("in progress", ImprovementStatus.InProgress)]
    [InlineData("InProgress", ImprovementStatus.InProgress)]
    [InlineData("in-progress", ImprovementStatus.InProgress)]
    [InlineData("DONE", ImprovementStatus.Done)]
    [InlineData("committed", ImprovementStatus.Committed)]
    public void Statuses_are_read_as_cards_and_people_write_them(string text, ImprovementStatus expected)
    {
        Assert.True(ImprovementRules.TryParseStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("finished")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("4")]
    public void Unknown_statuses_are_refused(string? text) => Assert.False(ImprovementRules.TryParseStatus(text, out _));

    [Fact]
    public void Only_proposed_committed_and_in_progress_items_are_open()
    {
        Assert.Equal(
            [ImprovementStatus.Proposed, ImprovementStatus.Committed, ImprovementStatus.InProgress],
            Enum.GetValues<ImprovementStatus>().Where(ImprovementRules.IsOpen));
    }

    [Fact]
    public void An_edit_applies_when_the_field_still_shows_what_the_person_saw()
    {
        Assert.Equal(EditCheck.Apply, ImprovementRules.CheckEdit(Item("a"), ImprovementField.Status, "proposed", "done"));
    }

    [Fact]
    public void An_edit_to_the_value_already_stored_is_already_applied_so_a_redelivery_changes_nothing()
    {
        var done = Item("a", ImprovementStatus.Done);

        Assert.Equal(EditCheck.AlreadyApplied, ImprovementRules.CheckEdit(done, ImprovementField.Status, "proposed", "done"));
    }

    [Fact]
    public void An_edit_made_from_a_stale_view_of_the_same_field_is_a_conflict()
    {
        var committed = Item("a", ImprovementStatus.Committed);

        Assert.Equal(EditCheck.Conflict, ImprovementRules.CheckEdit(committed, ImprovementField.Status, "proposed", "dropped"));
    }

    [Fact]
    public void Root_cause_keeps_up_to_five_non_empty_whys_in_order()
    {
        var (whys, error) = ImprovementRules.CheckWhys(["Tests are slow", "", "  The **suite** is big ", null, "No owner", "sixth is ignored", "seventh"]);

        Assert.Null(error);
        Assert.Equal(["Tests are slow", @"The \*\*suite\*\* is big", "No owner"], whys);
    }

    [Fact]
    public void Root_cause_needs_one_why_and_refuses_a_huge_one()
    {
        Assert.NotNull(ImprovementRules.CheckWhys(["", " ", null]).Error);
        Assert.Contains("500", ImprovementRules.CheckWhys([new string('y', 501)]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Impediment_links_are_ids_only()
    {
        Assert.Equal(["imp-1", "IMP_2"], ImprovementRules.CheckImpedimentIds("imp-1, #IMP_2 imp-1").Ids);
        Assert.Equal([], ImprovementRules.CheckImpedimentIds("  ").Ids);
        Assert.NotNull(ImprovementRules.CheckImpedimentIds("imp/../x").Error);
        Assert.NotNull(ImprovementRules.CheckImpedimentIds(string.Join(',', Enumerable.Range(0, 11).Select(i => "i" + i))).Error);
    }

    [Fact]
    public void A_long_problem_gets_a_short_title_cut_at_a_word()
    {
        var title = ImprovementRules.TitleOf("Our integration environment is shared by six teams and is unavailable for days whenever a deployment fails");

        Assert.True(title.Length <= ImprovementRules.MaxTitleLength);
        Assert.EndsWith("\u2026", title, StringComparison.Ordinal);
        Assert.StartsWith("Our integration environment is shared by six teams", title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_shows_items_targeted_at_the_pi_and_every_open_item_but_not_old_finished_ones()
    {
        var items = new[]
        {
            Item("done-this-pi", ImprovementStatus.Done, "PI 2"),
            Item("dropped-old-pi", ImprovementStatus.Dropped, "PI 1", workshop: "w0"),
            Item("open-old-pi", ImprovementStatus.InProgress, "PI 1", workshop: "w0"),
            Item("committed-this-pi", ImprovementStatus.Committed, "PI 2"),
        };

        var review = ImprovementRules.ForReview(items, "PI 2", "w-previous");

        Assert.Equal(["done-this-pi", "open-old-pi", "committed-this-pi"], review.Select(i => i.Id));
    }

    [Fact]
    public void Without_a_pi_the_review_shows_the_previous_workshops_items_and_open_ones()
    {
        var items = new[]
        {
            Item("done-previous", ImprovementStatus.Done, workshop: "w1"),
            Item("done-older", ImprovementStatus.Done, workshop: "w0"),
            Item("open-older", ImprovementStatus.Proposed, workshop: "w0"),
        };

        Assert.Equal(["done-previous", "open-older"], ImprovementRules.ForReview(items, null, "w1").Select(i => i.Id));
        Assert.Equal(["open-older"], ImprovementRules.ForReview(items, null, null).Select(i => i.Id));
    }

    [Fact]
    public void Carry_over_moves_open_items_not_yet_in_the_new_pi()
    {
        var items = new[]
        {
            Item("open", ImprovementStatus.Committed, "PI 1"),
            Item("fresh", ImprovementStatus.Proposed, null),
            Item("done", ImprovementStatus.Done, "PI 1"),
            Item("dropped", ImprovementStatus.Dropped, null),
            Item("already", ImprovementStatus.InProgress, "PI 2"),
        };

        Assert.Equal(["open", "fresh"], ImprovementRules.ToCarry(items, "PI 2").Select(i => i.Id));
    }

    [Fact]
    public void A_carried_item_targets_the_new_pi_and_remembers_where_it_came_from()
    {
        var later = T0.AddDays(3);

        var carried = ImprovementRules.CarryInto(Item("a", ImprovementStatus.InProgress, "PI 1"), "PI 1", "PI 2", later);
        var fresh = ImprovementRules.CarryInto(Item("b", target: null), "PI 1", "PI 2", later);
        var noPreviousPi = ImprovementRules.CarryInto(Item("c", target: null), null, "PI 2", later);

        Assert.Equal(("PI 2", "PI 1", later), (carried.TargetPi, carried.CarriedFromPi, carried.UpdatedAt));
        Assert.Equal(ImprovementStatus.InProgress, carried.Status);
        Assert.Equal(("PI 2", "PI 1"), (fresh.TargetPi, fresh.CarriedFromPi));
        Assert.Equal("PI 1", noPreviousPi.CarriedFromPi); // its source PI
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "1 day")]
    [InlineData(12, "12 days")]
    [InlineData(35, "5 weeks")]
    public void Age_reads_naturally(int days, string expected) => Assert.Equal(expected, ImprovementRules.Age(T0, T0.AddDays(days).AddHours(1)));

    [Fact]
    public void Scopes_of_different_tenants_never_share_a_key()
    {
        Assert.NotEqual(new ImprovementScope("t1", "art", "c").Key, new ImprovementScope("t2", "art", "c").Key);
        Assert.NotEqual(new ImprovementScope("t1", null, "c").Key, new ImprovementScope("t1", "c", "c").Key);
        Assert.Equal(new ImprovementScope("t1", "art", "c1").Key, new ImprovementScope("t1", "art", "c2").Key);
    }
}
