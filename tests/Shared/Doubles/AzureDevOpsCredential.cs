using Azure.Core;

namespace ArtBot.Tests.Shared;

/// <summary>The bot's identity toward Azure DevOps in tests: records each scope and tenant asked for, hands out a known token.</summary>
internal sealed class AzureDevOpsCredential(TimeProvider time) : TokenCredential
{
    public const string Token = "ado-token-of-the-bot";

    private readonly Lock _gate = new();
    private readonly List<(string Scope, string? Tenant)> _requests = [];

    public IReadOnlyList<(string Scope, string? Tenant)> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add((string.Join(' ', requestContext.Scopes), requestContext.TenantId));
        }

        return new AccessToken(Token, time.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
