using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.UnitTests.Planning;

/// <summary>What objective text and business values are accepted, and when teams and Business Owners may set them.</summary>
public sealed class ObjectiveRulesTests
{
    /// <summary>Twelve weeks: six two-week iterations, the last one (IP) from 15 March.</summary>
    private static readonly ProgramIncrement Pi = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28));
    private static readonly Person Rte = new("aad-rte", "Alex RTE");
    private static readonly Person Owner = new("aad-bo", "Bea Owner");
    private static readonly Person Member = new("aad-dev", "Dan Dev");
    private static readonly DateTimeOffset T0 = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);

    private static Art NewArt(ProgramIncrement? pi = null, string? reopenedFor = null) => new()
    {
        Id = "art-1",
        TenantId = "tenant-1",
        Name = "Rocket ART",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:home@thread.tacv2",
        CurrentPi = pi,
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin"),
        Rtes = [Rte],
        BusinessOwners = [Owner],
        ObjectivesReopenedFor = reopenedFor,
        CreatedBy = Rte,
        CreatedAt = T0,
    };

    private static PiObjective Objective(string text, bool committed = true, int? planned = null, int? actual = null) => new()
    {
        Id = "0123456789abcdef",
        TenantId = "tenant-1",
        ArtId = "art-1",
        TeamConversationId = "19:rocket@thread.tacv2",
        TeamName = "Rocket",
        Pi = Pi.Name,
        PiStart = Pi.Start,
        Text = text,
        Committed = committed,
        PlannedValue = planned,
        ActualValue = actual,
        CreatedBy = Member,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t\r\n ")]
    [InlineData("<b></b> <br/>")]
    public void An_empty_objective_is_refused_with_what_to_write(string? text)
    {
        var check = ObjectiveRules.CheckText(text);

        Assert.False(check.IsValid);
        Assert.Contains("what the team will deliver", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_removed_and_whitespace_collapsed_to_one_line()
    {
        var check = ObjectiveRules.CheckText("<p>Ship <b>search</b>\n\n &amp; filters</p>  ");

        Assert.True(check.IsValid);
        Assert.Equal("Ship search & filters", check.Value);
    }

    [Fact]
    public void An_objective_of_exactly_the_limit_is_accepted()
    {
        var text = new string('x', ObjectiveRules.MaxTextLength);

        var check = ObjectiveRules.CheckText(text);

        Assert.Equal(300, ObjectiveRules.MaxTextLength);
        Assert.True(check.IsValid);
        Assert.Equal(text, check.Value);
    }

    [Fact]
    public void The_limit_counts_the_text_without_its_markup()
    {
        var check = ObjectiveRules.CheckText("<b>" + new string('x', 300) + "</b>");

        Assert.True(check.IsValid);
        Assert.Equal(300, check.Value.Length);
    }

    [Fact]
    public void One_character_over_the_limit_is_refused()
    {
        var check = ObjectiveRules.CheckText(new string('x', 301));

        Assert.False(check.IsValid);
        Assert.Null(check.Value);
        Assert.Contains("(this one has 301)", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_objective_is_refused_with_a_message_naming_the_limit()
    {
        var check = ObjectiveRules.CheckText(new string('y', 5_000));

        Assert.False(check.IsValid);
        Assert.Contains("at most 300 characters", check.Error, StringComparison.Ordinal);
        Assert.Contains("5000", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("10", 10)]
    [InlineData(" 7 ", 7)]
    public void Planned_values_from_1_to_10_are_accepted(string value, int expected)
    {
        var check = ObjectiveRules.CheckPlanned(value);

        Assert.True(check.IsValid);
        Assert.Equal(expected, check.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("abc")]
    [InlineData("5.5")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_planned_values_are_refused(string? value)
    {
        var check = ObjectiveRules.CheckPlanned(value);

        Assert.False(check.IsValid);
        Assert.Equal("A planned business value is a whole number from 1 to 10.", check.Error);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("6", 6)]
    [InlineData("10", 10)]
    public void Actual_values_from_0_to_10_are_accepted(string value, int expected)
    {
        var check = ObjectiveRules.CheckActual(value);

        Assert.True(check.IsValid);
        Assert.Equal(expected, check.Value);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData(null)]
    public void Other_actual_values_are_refused(string? value)
    {
        var check = ObjectiveRules.CheckActual(value);

        Assert.False(check.IsValid);
        Assert.Equal("An actual business value is a whole number from 0 to 10.", check.Error);
    }

    [Fact]
    public void Objectives_are_open_for_edits_until_the_pi_starts()
    {
        var art = NewArt(Pi);

        Assert.True(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2026, 12, 1)));
        Assert.True(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2027, 1, 3)));
        Assert.False(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2027, 1, 4)));
        Assert.False(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2027, 2, 10)));
    }

    [Fact]
    public void Objectives_reopened_for_the_current_pi_are_open_after_it_started()
    {
        var art = NewArt(Pi, reopenedFor: "PI 2027.1");

        Assert.True(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2027, 1, 4)));
        Assert.True(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2027, 2, 10)));
    }

    [Theory]
    [InlineData("PI 2026.4")]
    [InlineData("pi 2027.1")]
    [InlineData(null)]
    public void Reopening_another_pi_leaves_the_current_one_locked(string? reopenedFor)
    {
        var art = NewArt(Pi, reopenedFor);

        Assert.False(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2027, 2, 10)));
    }

    [Fact]
    public void Without_a_current_pi_nothing_is_open()
    {
        var art = NewArt(pi: null, reopenedFor: "PI 2027.1");

        Assert.False(ObjectiveRules.IsOpenForEdits(art, new DateOnly(2026, 12, 1)));
        Assert.False(ObjectiveRules.IsOpenForActuals(art, new DateOnly(2027, 3, 20)));
        Assert.Equal(DateOnly.MaxValue, ObjectiveRules.ActualsFrom(art));
    }

    [Fact]
    public void Actuals_are_entered_from_the_first_day_of_the_last_iteration()
    {
        var art = NewArt(Pi);

        Assert.Equal(new DateOnly(2027, 3, 15), ObjectiveRules.ActualsFrom(art));
        Assert.False(ObjectiveRules.IsOpenForActuals(art, new DateOnly(2027, 1, 4)));
        Assert.False(ObjectiveRules.IsOpenForActuals(art, new DateOnly(2027, 3, 14)));
        Assert.True(ObjectiveRules.IsOpenForActuals(art, new DateOnly(2027, 3, 15)));
        Assert.True(ObjectiveRules.IsOpenForActuals(art, new DateOnly(2027, 3, 28)));
    }

    [Fact]
    public void The_last_iteration_follows_the_arts_cadence()
    {
        var art = NewArt(Pi) with { Cadence = new IterationCadence(3, LastIsIp: true) };

        Assert.Equal(new DateOnly(2027, 3, 8), ObjectiveRules.ActualsFrom(art));
    }

    [Fact]
    public void Business_owners_and_rtes_may_set_values_and_nobody_else()
    {
        var art = NewArt(Pi);

        Assert.True(ObjectiveRules.MaySetValues(art, Owner.Id));
        Assert.True(ObjectiveRules.MaySetValues(art, Rte.Id));
        Assert.False(ObjectiveRules.MaySetValues(art, Member.Id));
        Assert.False(ObjectiveRules.MaySetValues(art, "AAD-BO"));
        Assert.False(ObjectiveRules.MaySetValues(art, ""));
        Assert.False(ObjectiveRules.MaySetValues(art, null));
    }

    [Fact]
    public void A_commitment_is_described_by_its_committed_objectives_and_their_planned_value()
    {
        PiObjective[] objectives =
        [
            Objective("a", planned: 10),
            Objective("b", planned: 8),
            Objective("c", planned: 7),
            Objective("d", planned: 7),
            Objective("e", planned: 6),
        ];

        Assert.Equal("5 committed objectives, planned business value 38", ObjectiveRules.DescribeCommitment(objectives));
    }

    [Fact]
    public void Missing_planned_values_and_uncommitted_objectives_are_mentioned_and_stretch_value_not_added()
    {
        PiObjective[] objectives =
        [
            Objective("a", planned: 10),
            Objective("b", planned: 8),
            Objective("c"),
            Objective("stretch 1", committed: false, planned: 9),
            Objective("stretch 2", committed: false),
        ];

        Assert.Equal(
            "3 committed objectives, planned business value 18 (1 without a planned value yet); 2 uncommitted",
            ObjectiveRules.DescribeCommitment(objectives));
    }

    [Fact]
    public void One_objective_is_named_in_the_singular()
    {
        Assert.Equal("1 committed objective, planned business value 5", ObjectiveRules.DescribeCommitment([Objective("a", planned: 5)]));
    }

    [Fact]
    public void No_objectives_commit_to_nothing()
    {
        Assert.Equal("0 committed objectives, planned business value 0", ObjectiveRules.DescribeCommitment([]));
        Assert.Equal(
            "0 committed objectives, planned business value 0; 1 uncommitted",
            ObjectiveRules.DescribeCommitment([Objective("stretch", committed: false, planned: 4)]));
    }

    [Fact]
    public void Changes_list_only_the_fields_that_changed_with_their_old_and_new_values()
    {
        var before = Objective("Ship search", planned: 5);
        var after = before with { Text = "Ship search and filters", PlannedValue = 8, UpdatedAt = T0.AddHours(1) };
        var at = T0.AddHours(1);

        var changes = ObjectiveRules.Changes(before, after, Owner, at);

        Assert.Equal(
            [
                new PlanChange(at, Owner, ObjectiveField.Text, "Ship search", "Ship search and filters"),
                new PlanChange(at, Owner, ObjectiveField.Planned, "5", "8"),
            ],
            changes);
    }

    [Fact]
    public void Commitment_and_a_first_actual_value_are_named_as_people_read_them()
    {
        var before = Objective("Ship search", planned: 5);
        var after = before with { Committed = false, ActualValue = 0 };

        var changes = ObjectiveRules.Changes(before, after, Rte, T0);

        Assert.Equal(
            [
                new PlanChange(T0, Rte, ObjectiveField.Commitment, "committed", "uncommitted"),
                new PlanChange(T0, Rte, ObjectiveField.Actual, null, "0"),
            ],
            changes);
    }

    [Fact]
    public void Covered_features_are_named_by_their_titles_and_an_unknown_one_by_its_id()
    {
        var before = Objective("Ship search", planned: 5) with { FeatureIds = ["f1"] };
        var after = before with { FeatureIds = ["f1", "f2", "f3"] };
        var titles = new Dictionary<string, string> { ["f1"] = "Checkout", ["f2"] = "Search" };

        Assert.Equal([new PlanChange(T0, Member, ObjectiveField.Features, "Checkout", "Checkout, Search, f3")], ObjectiveRules.Changes(before, after, Member, T0, titles));
        Assert.Equal([new PlanChange(T0, Member, ObjectiveField.Features, "Checkout", null)], ObjectiveRules.Changes(before, before with { FeatureIds = [] }, Member, T0, titles));
    }

    [Fact]
    public void An_unchanged_objective_has_no_changes()
    {
        var before = Objective("Ship search", planned: 5, actual: 4);

        Assert.Empty(ObjectiveRules.Changes(before, before with { UpdatedAt = T0.AddDays(1), Version = "v2" }, Member, T0));
    }
}
