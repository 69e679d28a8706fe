using System.Net;
using ArtBot.Storage.Tables;
using Azure.Core;

namespace ArtBot.UnitTests.Storage;

public sealed class TableClientEntraIdTests
{
    [Fact]
    public async Task TokenCredentialSendsABearerTokenForTheStorageScope()
    {
        var handler = new StubHandler().Respond(HttpStatusCode.NoContent);
        var credential = new RecordingCredential();
        var service = new TableServiceClient(new Uri("https://artbot.table.core.windows.net/"), credential, handler.Options());

        await service.GetTableClient("votes").DeleteEntityAsync("p", "r");

        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("Bearer token-1", request.Headers.Authorization!.ToString());
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("artbot", service.AccountName);
        Assert.Equal("https://artbot.table.core.windows.net/votes(PartitionKey='p',RowKey='r')", request.RequestUri!.AbsoluteUri);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
