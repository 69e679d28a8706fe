using ArtBot.Domain.Impediments;

namespace ArtBot.UnitTests.Impediments;

public sealed class ImpedimentRulesTests
{
    [Theory]
    [InlineData("resolved", RoamStatus.Resolved)]
    [InlineData("Owned", RoamStatus.Owned)]
    [InlineData(" ACCEPTED ", RoamStatus.Accepted)]
    [InlineData("m", RoamStatus.Mitigated)]
    public void Roam_values_parse_by_name_or_initial(string text, RoamStatus expected)
    {
        Assert.True(ImpedimentRules.TryParseRoam(text, out var roam));
        Assert.Equal(expected, roam);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("closed")]
    [InlineData("1")]
    [InlineData("<script>")]
    public void Unknown_roam_values_are_refused(string? text)
    {
        Assert.False(ImpedimentRules.TryParseRoam(text, out _));
    }

    [Fact]
    public void Kind_and_severity_parse_only_known_values()
    {
        Assert.True(ImpedimentRules.TryParseKind("Risk", out var kind));
        Assert.Equal(ImpedimentKind.Risk, kind);
        Assert.False(ImpedimentRules.TryParseKind("issue", out _));
        Assert.True(ImpedimentRules.TryParseSeverity("critical", out var severity));
        Assert.Equal(Severity.Critical, severity);
        Assert.False(ImpedimentRules.TryParseSeverity("urgent", out _));
    }

    [Fact]
    public void Html_is_stripped_with_scripts_entities_and_line_breaks_handled()
    {
        var text = ImpedimentRules.PlainText(
            "<p>The <strong>test environment</strong> is down &amp; blocked.</p><script>alert('x')</script><p>Ticket&nbsp;INC-1<br/>Line two</p>");

        Assert.Equal("The test environment is down & blocked.\nTicket INC-1\nLine two", text);
    }

    [Fact]
    public void Command_text_gives_a_title_and_keeps_the_rest_as_description()
    {
        var check = ImpedimentRules.CheckCommandText("Test environment down since Monday. Ops ticket INC-4711 is unassigned and nobody answers.");

        Assert.True(check.IsOk);
        Assert.Equal("Test environment down since Monday.", check.Value.Title);
        Assert.StartsWith("Test environment down since Monday. Ops ticket", check.Value.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_command_text_is_only_a_title()
    {
        var check = ImpedimentRules.CheckCommandText("  Build server   is red ");

        Assert.Equal("Build server is red", check.Value.Title);
        Assert.Equal("", check.Value.Description);
    }

    [Fact]
    public void Long_first_lines_are_cut_at_a_word()
    {
        var title = ImpedimentRules.DeriveTitle(string.Join(' ', Enumerable.Repeat("word", 60)));

        Assert.True(title.Length <= ImpedimentRules.DerivedTitleLength + 1);
        Assert.EndsWith("word\u2026", title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p> </p>")]
    public void Empty_text_is_refused_with_an_example(string text)
    {
        var check = ImpedimentRules.CheckCommandText(text);

        Assert.False(check.IsOk);
        Assert.Contains("impediment Test environment down", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_thousand_characters_are_refused_with_the_limit()
    {
        var check = ImpedimentRules.CheckCommandText(new string('x', 50_000));

        Assert.False(check.IsOk);
        Assert.Contains("50000 characters", check.Error, StringComparison.Ordinal);
        Assert.Contains($"keep it to {ImpedimentRules.MaxDescriptionLength}", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_note_and_team_have_limits()
    {
        Assert.False(ImpedimentRules.CheckTitle(new string('t', ImpedimentRules.MaxTitleLength + 1)).IsOk);
        Assert.True(ImpedimentRules.CheckTitle(new string('t', ImpedimentRules.MaxTitleLength)).IsOk);
        Assert.False(ImpedimentRules.CheckTitle(" ").IsOk);
        Assert.False(ImpedimentRules.CheckNote("").IsOk);
        Assert.False(ImpedimentRules.CheckNote(new string('n', ImpedimentRules.MaxNoteLength + 1)).IsOk);
        Assert.Null(ImpedimentRules.CheckTeamName("  ").Value);
        Assert.False(ImpedimentRules.CheckTeamName(new string('n', 101)).IsOk);
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(1, "1 minute")]
    [InlineData(59, "59 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(60 * 24, "1 day")]
    [InlineData(60 * 24 * 12 + 5, "12 days")]
    public void Age_reads_naturally(int minutes, string expected)
    {
        Assert.Equal(expected, ImpedimentRules.DescribeAge(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void Markdown_is_escaped()
    {
        Assert.Equal(@"\*\*x\*\* \[a\]\(b\)", ImpedimentRules.EscapeMarkdown("**x** [a](b)"));
    }

    [Fact]
    public void Ids_are_stable_per_key_and_differ_by_scope_and_tenant()
    {
        var id = ImpedimentIds.FromKey("t", "s", "message:1");

        Assert.True(ImpedimentIds.IsWellFormed(id));
        Assert.Equal(id, ImpedimentIds.FromKey("t", "s", "message:1"));
        Assert.NotEqual(id, ImpedimentIds.FromKey("t", "s2", "message:1"));
        Assert.NotEqual(id, ImpedimentIds.FromKey("t2", "s", "message:1"));
        Assert.False(ImpedimentIds.IsWellFormed("../../etc"));
        Assert.False(ImpedimentIds.IsWellFormed(id.ToUpperInvariant()));
    }
}
