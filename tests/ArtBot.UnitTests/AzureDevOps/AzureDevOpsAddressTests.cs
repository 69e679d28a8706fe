using ArtBot.Domain.AzureDevOps;

namespace ArtBot.UnitTests.AzureDevOps;

public sealed class AzureDevOpsAddressTests
{
    [Theory]
    [InlineData("https://dev.azure.com/fabrikam/Fabrikam-Fiber-Git/_workitems/edit/42", "fabrikam", "Fabrikam-Fiber-Git", 42)]
    [InlineData("https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_workitems/edit/7/", "fabrikam", "Fabrikam Fiber", 7)]
    [InlineData("<https://fabrikam.visualstudio.com/Fabrikam/_workitems/edit/300>", "fabrikam", "Fabrikam", 300)]
    [InlineData("https://fabrikam.visualstudio.com/DefaultCollection/Fabrikam/_workitems/edit/300?fullScreen=true", "fabrikam", "Fabrikam", 300)]
    public void A_work_item_url_names_its_organization_project_and_id(string url, string organization, string project, int id) =>
        Assert.Equal(new WorkItemAddress(organization, project, id), AzureDevOpsAddress.WorkItem(url));

    [Theory]
    [InlineData("http://dev.azure.com/fabrikam/Fabrikam/_workitems/edit/42")]
    [InlineData("https://github.com/fabrikam/Fabrikam/issues/42")]
    [InlineData("https://dev.azure.com.evil.example/fabrikam/Fabrikam/_workitems/edit/42")]
    [InlineData("https://dev.azure.com/fabrikam/Fabrikam/_workitems/edit/abc")]
    [InlineData("https://dev.azure.com/fabrikam/Fabrikam/_workitems/edit/0")]
    [InlineData("https://dev.azure.com/fabrikam/Fabrikam/_boards/board/t/Team")]
    [InlineData("https://dev.azure.com/fabrikam/_workitems/edit/42")]
    [InlineData("fabrikam 42")]
    [InlineData("")]
    public void Anything_else_is_not_a_work_item(string url) => Assert.Null(AzureDevOpsAddress.WorkItem(url));

    [Theory]
    [InlineData("https://dev.azure.com/fabrikam", "fabrikam")]
    [InlineData("https://dev.azure.com/fabrikam/", "fabrikam")]
    [InlineData("https://fabrikam.visualstudio.com", "fabrikam")]
    [InlineData("fabrikam-fiber", "fabrikam-fiber")]
    public void An_organization_is_its_url_or_its_name(string text, string organization) =>
        Assert.Equal(organization, AzureDevOpsAddress.Organization(text));

    [Theory]
    [InlineData("https://dev.azure.com/fabrikam/Fabrikam")]
    [InlineData("https://example.com/fabrikam")]
    [InlineData("http://dev.azure.com/fabrikam")]
    [InlineData("-fabrikam")]
    [InlineData("fab rikam")]
    public void Anything_else_is_not_an_organization(string text) => Assert.Null(AzureDevOpsAddress.Organization(text));
}
