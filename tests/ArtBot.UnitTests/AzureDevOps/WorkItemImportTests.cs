using ArtBot.Domain.Arts;
using ArtBot.Domain.AzureDevOps;
using ArtBot.Domain.Planning;

namespace ArtBot.UnitTests.AzureDevOps;

public sealed class WorkItemImportTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProgramIncrement Pi = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28));
    private static readonly Uri Url = new("https://dev.azure.com/fabrikam/Fabrikam/_workitems/edit/300");

    private static WorkItemSnapshot Item(int rev = 4, string title = "One-click checkout", string? state = "New", double? bv = 8, double? tc = 5, double? rr = 3, double? effort = 13) =>
        new(300, rev, title, "<div>Pay with a <b>saved card</b>.</div><ul><li>Wallet</li><li>3-D Secure &amp; SCA</li></ul>", state, bv, tc, rr, effort, Url);

    [Fact]
    public void A_work_item_becomes_a_feature_of_the_current_pi_with_plain_text_and_its_wsjf()
    {
        var feature = WorkItemImport.Create(Item(), "tenant", "art", Pi, "Fabrikam", Now);

        Assert.Equal(WorkItemImport.FeatureId("tenant", "art", "fabrikam", 300), feature.Id);
        Assert.Equal(("PI 2027.1", "One-click checkout", 8, FeatureState.Backlog), (feature.Pi, feature.Title, feature.BusinessValue, feature.State));
        Assert.Equal("Pay with a saved card.\nWallet\n3-D Secure & SCA", feature.Description);
        Assert.Equal(new Wsjf(8, 5, 3, 13), feature.Wsjf);
        Assert.Equal(new FeatureSource("azure-devops", "300", 4, Url, Now), feature.Source);
        Assert.Equal("Azure DevOps", feature.CreatedBy.DisplayName);
    }

    [Fact]
    public void Values_off_artbots_scales_are_not_taken()
    {
        var feature = WorkItemImport.Create(Item(bv: 40, tc: 4, rr: null), "tenant", "art", Pi, "fabrikam", Now);

        Assert.Null(feature.BusinessValue);
        Assert.Null(feature.Wsjf);
    }

    [Theory]
    [InlineData("Removed", FeatureState.Planned, FeatureState.Removed)]
    [InlineData("Closed", FeatureState.Planned, FeatureState.Done)]
    [InlineData("Done", FeatureState.Backlog, FeatureState.Done)]
    [InlineData("Resolved", FeatureState.Backlog, FeatureState.Done)]
    [InlineData("Active", FeatureState.Planned, FeatureState.InProgress)]
    [InlineData("In Progress", FeatureState.Backlog, FeatureState.InProgress)]
    [InlineData("New", FeatureState.Planned, FeatureState.Planned)]
    [InlineData("Proposed", FeatureState.Backlog, FeatureState.Backlog)]
    [InlineData("New", FeatureState.Done, FeatureState.Backlog)]
    [InlineData(null, FeatureState.Planned, FeatureState.Planned)]
    public void States_of_every_process_map_to_the_features(string? state, FeatureState current, FeatureState expected) =>
        Assert.Equal(expected, WorkItemImport.StateOf(state, current));

    [Fact]
    public void A_new_revision_changes_what_azure_devops_owns_and_keeps_the_teams_parts()
    {
        var part = new FeaturePart("19:rocket", "Rocket", 2, 8);
        var stored = WorkItemImport.Create(Item(), "tenant", "art", Pi, "fabrikam", Now) with { Parts = [part], State = FeatureState.Planned, Version = "v1" };

        var (updated, changes) = WorkItemImport.Update(stored, Item(rev: 5, title: "One-click checkout for cards", state: "Active", tc: 8), Now.AddHours(1))!.Value;

        Assert.Equal([part], updated.Parts);
        Assert.Equal(("One-click checkout for cards", FeatureState.InProgress, 5), (updated.Title, updated.State, updated.Source!.Revision));
        Assert.Equal(
            [("title", "One-click checkout", "One-click checkout for cards"), ("wsjf", "8+5+3/13", "8+8+3/13"), ("state", "Planned", "InProgress")],
            changes.Select(c => (c.Field, c.From, c.To)));
        Assert.All(changes, c => Assert.Equal(("azure-devops", Now.AddHours(1)), (c.By.Id, c.At)));
    }

    [Fact]
    public void The_same_revision_writes_nothing_and_an_empty_field_keeps_artbots_value()
    {
        var stored = WorkItemImport.Create(Item(), "tenant", "art", Pi, "fabrikam", Now);

        Assert.Null(WorkItemImport.Update(stored, Item(), Now.AddHours(1)));
        var (updated, changes) = WorkItemImport.Update(stored, Item(rev: 6, bv: null), Now.AddHours(1))!.Value;
        Assert.Equal((8, new Wsjf(8, 5, 3, 13)), (updated.BusinessValue, updated.Wsjf));
        Assert.Empty(changes);
    }

    [Fact]
    public void A_work_item_gone_from_the_query_is_removed_once_and_comes_back_to_the_backlog()
    {
        var stored = WorkItemImport.Create(Item(), "tenant", "art", Pi, "fabrikam", Now);

        var (removed, change) = WorkItemImport.Remove(stored, Now.AddHours(1))!.Value;
        Assert.Equal((FeatureState.Removed, "state", "Backlog", "Removed"), (removed.State, change.Field, change.From, change.To));
        Assert.Null(WorkItemImport.Remove(removed, Now.AddHours(2)));

        var (back, changes) = WorkItemImport.Update(removed, Item(), Now.AddHours(3))!.Value;
        Assert.Equal(FeatureState.Backlog, back.State);
        Assert.Equal([("state", "Removed", "Backlog")], changes.Select(c => (c.Field, c.From, c.To)));
    }
}
