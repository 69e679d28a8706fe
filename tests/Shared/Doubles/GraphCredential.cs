using Azure.Core;

namespace ArtBot.Tests.Shared;

/// <summary>A token credential that records every scope it was asked for and hands out a recognisable secret token.</summary>
internal sealed class GraphCredential(TimeProvider time) : TokenCredential
{
    public const string Token = "eyJ0eXAiOiJKV1QiLCJzZWNyZXQiOiJncmFwaC10b2tlbiJ9.graph-secret-token";

    private readonly Lock _gate = new();
    private readonly List<string[]> _requests = [];

    public IReadOnlyList<string[]> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(requestContext.Scopes);
        }

        return new AccessToken(Token, time.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
