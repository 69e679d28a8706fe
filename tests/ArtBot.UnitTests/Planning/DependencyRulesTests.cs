using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.UnitTests.Planning;

/// <summary>Dependencies between teams: what is accepted, the providing team's answers, and when one is at risk.</summary>
public sealed class DependencyRulesTests
{
    /// <summary>Twelve weeks: six two-week iterations; iteration 3 runs 1 to 14 February.</summary>
    private static readonly ProgramIncrement Pi = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28));
    private static readonly IReadOnlyList<Iteration> Iterations = IterationCadence.Default.Of(Pi);
    private static readonly Person Requester = new("aad-req", "Riley Requester");
    private static readonly Person Provider = new("aad-prov", "Pat Provider");
    private static readonly DateTimeOffset T0 = new(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);

    private static Dependency Needed(int neededBy = 3) => new()
    {
        Id = "0123456789abcdef",
        TenantId = "tenant-1",
        ArtId = "art-1",
        Pi = Pi.Name,
        PiStart = Pi.Start,
        Text = "Search API in staging",
        RequesterConversationId = "19:rocket@thread.tacv2",
        RequesterTeamName = "Rocket",
        ProviderConversationId = "19:apollo@thread.tacv2",
        ProviderTeamName = "Apollo",
        NeededBy = neededBy,
        RequestedBy = Requester,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static Dependency Ok(Checked<Dependency> check)
    {
        Assert.Null(check.Error);
        return check.Value;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    [InlineData("<i></i>")]
    public void An_empty_dependency_is_refused_with_what_to_write(string? text)
    {
        var check = DependencyRules.CheckText(text);

        Assert.False(check.IsValid);
        Assert.Contains("needs from the other team", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependency_text_is_one_line_without_html()
    {
        Assert.Equal("Search API & its docs", DependencyRules.CheckText("<b>Search API</b>\r\n&amp;  its docs").Value);
    }

    [Fact]
    public void Dependency_text_is_at_most_300_characters()
    {
        var atLimit = DependencyRules.CheckText(new string('d', 300));
        var over = DependencyRules.CheckText(new string('d', 301));

        Assert.True(atLimit.IsValid);
        Assert.Equal(300, atLimit.Value.Length);
        Assert.False(over.IsValid);
        Assert.Contains("at most 300 characters (this one has 301)", over.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 3)]
    [InlineData(" 6 ", 6)]
    public void Iterations_of_the_pi_are_accepted(string value, int expected)
    {
        var check = DependencyRules.CheckIteration(value, Iterations);

        Assert.True(check.IsValid);
        Assert.Equal(expected, check.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("2.0")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_iterations_are_refused_with_the_range_of_the_pi(string? value)
    {
        var check = DependencyRules.CheckIteration(value, Iterations);

        Assert.False(check.IsValid);
        Assert.Equal("Choose an iteration of the PI: 1 to 6.", check.Error);
    }

    [Fact]
    public void Without_iterations_the_message_says_there_is_no_current_pi()
    {
        var check = DependencyRules.CheckIteration("1", []);

        Assert.False(check.IsValid);
        Assert.Equal("The ART has no current PI, so there are no iterations to choose from.", check.Error);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void Committing_to_the_needed_iteration_or_earlier_is_committed(int iteration)
    {
        var committed = Ok(DependencyRules.Commit(Needed(neededBy: 3), iteration));

        Assert.Equal(DependencyStatus.Committed, committed.Status);
        Assert.Equal(iteration, committed.CommittedIteration);
        Assert.Equal(iteration, committed.DueIteration);
    }

    [Fact]
    public void Committing_later_than_needed_is_at_risk_at_once()
    {
        var committed = Ok(DependencyRules.Commit(Needed(neededBy: 3), 4));

        Assert.Equal(DependencyStatus.AtRisk, committed.Status);
        Assert.Equal(4, committed.CommittedIteration);
    }

    [Fact]
    public void Committing_to_a_declined_dependency_clears_the_reason()
    {
        var declined = Ok(DependencyRules.Decline(Needed(), "No capacity"));

        var committed = Ok(DependencyRules.Commit(declined, 2));

        Assert.Equal(DependencyStatus.Committed, committed.Status);
        Assert.Null(committed.DeclineReason);
        Assert.False(committed.IsClosed);
    }

    [Fact]
    public void A_delivered_dependency_cannot_be_committed_or_declined()
    {
        var delivered = Ok(DependencyRules.Deliver(Ok(DependencyRules.Commit(Needed(), 3))));

        Assert.Equal("This dependency is delivered already.", DependencyRules.Commit(delivered, 2).Error);
        Assert.Equal("This dependency is delivered already.", DependencyRules.Decline(delivered, "Changed our mind").Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<br/>")]
    public void Declining_needs_a_reason(string? reason)
    {
        var check = DependencyRules.Decline(Needed(), reason);

        Assert.False(check.IsValid);
        Assert.Contains("Say why your team cannot provide it", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_over_300_characters_is_refused()
    {
        Assert.True(DependencyRules.Decline(Needed(), new string('r', 300)).IsValid);
        Assert.Equal("The reason is at most 300 characters.", DependencyRules.Decline(Needed(), new string('r', 301)).Error);
    }

    [Fact]
    public void Declining_keeps_the_clean_reason_and_clears_the_committed_iteration()
    {
        var committed = Ok(DependencyRules.Commit(Needed(), 2));

        var declined = Ok(DependencyRules.Decline(committed, "<b>No</b>  capacity\nthis PI"));

        Assert.Equal(DependencyStatus.Declined, declined.Status);
        Assert.Equal("No capacity this PI", declined.DeclineReason);
        Assert.Null(declined.CommittedIteration);
        Assert.Equal(3, declined.DueIteration);
        Assert.True(declined.IsClosed);
    }

    [Fact]
    public void A_declined_dependency_cannot_be_delivered()
    {
        var declined = Ok(DependencyRules.Decline(Needed(), "No capacity"));

        var check = DependencyRules.Deliver(declined);

        Assert.False(check.IsValid);
        Assert.Contains("declined", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_committed_dependency_is_delivered_and_keeps_its_iteration()
    {
        var delivered = Ok(DependencyRules.Deliver(Ok(DependencyRules.Commit(Needed(), 3))));

        Assert.Equal(DependencyStatus.Delivered, delivered.Status);
        Assert.Equal(3, delivered.CommittedIteration);
        Assert.True(delivered.IsClosed);
    }

    [Fact]
    public void Committed_later_than_needed_is_at_risk_with_why_even_before_the_pi()
    {
        var late = Ok(DependencyRules.Commit(Needed(neededBy: 3), 5));

        var (status, why) = DependencyRules.StatusOn(late, Iterations, new DateOnly(2026, 12, 20));

        Assert.Equal(DependencyStatus.AtRisk, status);
        Assert.Equal("committed for iteration 5, needed by iteration 3", why);
        Assert.True(DependencyRules.IsAtRisk(late, Iterations, new DateOnly(2026, 12, 20)));
    }

    [Fact]
    public void Not_delivered_after_its_iteration_ended_is_at_risk_as_overdue()
    {
        var committed = Ok(DependencyRules.Commit(Needed(neededBy: 3), 3));

        var (status, why) = DependencyRules.StatusOn(committed, Iterations, new DateOnly(2027, 2, 15));

        Assert.Equal(DependencyStatus.AtRisk, status);
        Assert.NotNull(why);
        Assert.StartsWith("not delivered by the end of iteration 3 (", why, StringComparison.Ordinal);
        Assert.Contains("14", why, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_last_day_of_its_iteration_it_is_not_at_risk_yet()
    {
        var committed = Ok(DependencyRules.Commit(Needed(neededBy: 3), 3));

        Assert.Equal((DependencyStatus.Committed, (string?)null), DependencyRules.StatusOn(committed, Iterations, new DateOnly(2027, 2, 14)));
        Assert.False(DependencyRules.IsAtRisk(committed, Iterations, new DateOnly(2027, 2, 14)));
    }

    [Fact]
    public void An_unanswered_request_is_overdue_after_the_needed_iteration()
    {
        var requested = Needed(neededBy: 2);

        Assert.Equal((DependencyStatus.Requested, (string?)null), DependencyRules.StatusOn(requested, Iterations, new DateOnly(2027, 1, 31)));
        Assert.Equal(DependencyStatus.AtRisk, DependencyRules.StatusOn(requested, Iterations, new DateOnly(2027, 2, 1)).Status);
    }

    [Fact]
    public void The_committed_iteration_not_the_needed_one_decides_when_it_is_overdue()
    {
        var early = Ok(DependencyRules.Commit(Needed(neededBy: 3), 1));

        var (status, why) = DependencyRules.StatusOn(early, Iterations, new DateOnly(2027, 1, 18));

        Assert.Equal(DependencyStatus.AtRisk, status);
        Assert.StartsWith("not delivered by the end of iteration 1 (", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivered_and_declined_dependencies_stay_as_they_are()
    {
        var deliveredLate = Ok(DependencyRules.Deliver(Ok(DependencyRules.Commit(Needed(neededBy: 3), 5))));
        var declined = Ok(DependencyRules.Decline(Needed(neededBy: 1), "No capacity"));
        var afterThePi = new DateOnly(2027, 4, 1);

        Assert.Equal((DependencyStatus.Delivered, (string?)null), DependencyRules.StatusOn(deliveredLate, Iterations, afterThePi));
        Assert.Equal((DependencyStatus.Declined, (string?)null), DependencyRules.StatusOn(declined, Iterations, afterThePi));
    }

    [Fact]
    public void Without_the_iterations_of_its_pi_only_a_late_commitment_is_at_risk()
    {
        var committed = Ok(DependencyRules.Commit(Needed(neededBy: 3), 3));

        Assert.Equal((DependencyStatus.Committed, (string?)null), DependencyRules.StatusOn(committed, [], new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void Committing_is_recorded_as_a_status_and_an_iteration_change()
    {
        var before = Needed();
        var after = Ok(DependencyRules.Commit(before, 3));

        var changes = DependencyRules.Changes(before, after, Provider, T0);

        Assert.Equal(
            [
                new PlanChange(T0, Provider, DependencyField.Status, "requested", "committed"),
                new PlanChange(T0, Provider, DependencyField.Iteration, null, "iteration 3"),
            ],
            changes);
    }

    [Fact]
    public void Declining_is_recorded_with_its_reason_and_the_iteration_given_up()
    {
        var before = Ok(DependencyRules.Commit(Needed(), 4));
        var after = Ok(DependencyRules.Decline(before, "No capacity"));

        var changes = DependencyRules.Changes(before, after, Provider, T0);

        Assert.Equal(
            [
                new PlanChange(T0, Provider, DependencyField.Status, "at risk", "declined: No capacity"),
                new PlanChange(T0, Provider, DependencyField.Iteration, "iteration 4", null),
            ],
            changes);
    }

    [Fact]
    public void Raising_a_risk_is_recorded_alone_and_an_unchanged_dependency_records_nothing()
    {
        var before = Ok(DependencyRules.Commit(Needed(), 3));

        Assert.Equal(
            [new PlanChange(T0, Requester, DependencyField.Risk, null, "risk-1")],
            DependencyRules.Changes(before, before with { RiskId = "risk-1" }, Requester, T0));
        Assert.Empty(DependencyRules.Changes(before, before with { UpdatedAt = T0.AddDays(1) }, Requester, T0));
    }

    [Fact]
    public void Recommitting_to_another_iteration_is_an_iteration_change_only()
    {
        var before = Ok(DependencyRules.Commit(Needed(neededBy: 3), 2));
        var after = Ok(DependencyRules.Commit(before, 3));

        Assert.Equal(
            [new PlanChange(T0, Provider, DependencyField.Iteration, "iteration 2", "iteration 3")],
            DependencyRules.Changes(before, after, Provider, T0));
    }

    [Fact]
    public void Tying_a_feature_is_recorded_with_the_features_titles_or_their_ids_when_unknown()
    {
        var before = Ok(DependencyRules.Commit(Needed(), 2)) with { ProviderFeatureId = "feature-old" };
        var after = Ok(DependencyRules.Commit(before, 3)) with { ProviderFeatureId = "feature-sso", RequesterFeatureId = "feature-gone" };
        var titles = new Dictionary<string, string> { ["feature-old"] = "Password reset", ["feature-sso"] = "Single sign-on" };

        Assert.Equal(
            [
                new PlanChange(T0, Provider, DependencyField.Iteration, "iteration 2", "iteration 3"),
                new PlanChange(T0, Provider, DependencyField.RequesterFeature, null, "feature-gone"),
                new PlanChange(T0, Provider, DependencyField.ProviderFeature, "Password reset", "Single sign-on"),
            ],
            DependencyRules.Changes(before, after, Provider, T0, id => titles.GetValueOrDefault(id)));
        Assert.Equal(
            [new PlanChange(T0, Provider, DependencyField.ProviderFeature, "feature-sso", null)],
            DependencyRules.Changes(after, after with { ProviderFeatureId = null }, Provider, T0));
    }
}
