using ArtBot.Storage.Tables;

namespace ArtBot.UnitTests.Storage;

public sealed class StorageConnectionStringTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void DevelopmentStorageUsesTheAzuriteDefaults()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Key, parsed.AccountKey);
    }

    [Fact]
    public void ExplicitTableEndpointIsUsedAsIs()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:41234/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Key, parsed.AccountKey); // the '=' padding survives
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=artbot;AccountKey=" + Key + ";EndpointSuffix=core.chinacloudapi.cn", "https://artbot.table.core.chinacloudapi.cn/")]
    [InlineData("AccountName=artbot;AccountKey=" + Key, "https://artbot.table.core.windows.net/")]
    [InlineData("accountname=artbot; accountkey=" + Key + "; defaultendpointsprotocol=http", "http://artbot.table.core.windows.net/")]
    public void EndpointIsBuiltFromAccountNameAndSuffix(string connectionString, string endpoint)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        Assert.Equal(new Uri(endpoint), parsed.TableEndpoint);
        Assert.Equal("artbot", parsed.AccountName);
    }

    [Fact]
    public void SharedAccessSignatureIsAccepted()
    {
        var parsed = StorageConnectionString.Parse("TableEndpoint=https://artbot.table.core.windows.net/;SharedAccessSignature=?sv=2020-12-06&sig=abc%3D");
        Assert.Equal("sv=2020-12-06&sig=abc%3D", parsed.SharedAccessSignature);
        Assert.Null(parsed.AccountKey);
    }

    [Theory]
    [InlineData("AccountName=artbot")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("garbage")]
    [InlineData("TableEndpoint=not a uri;AccountName=a;AccountKey=" + Key)]
    public void IncompleteOrMalformedStringsAreRejectedWithoutEchoingThem(string connectionString)
    {
        var e = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));
        Assert.DoesNotContain(Key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringNeverShowsTheKey()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");
        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, new TableSharedKeyCredential("a", Key).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceClientExposesAccountAndEndpoint()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", service.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), service.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1/votes"), service.GetTableClient("votes").Uri);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("x'y")]
    public void InvalidTableNamesAreRejected(string name) =>
        Assert.Throws<ArgumentException>(() => new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(name));
}
