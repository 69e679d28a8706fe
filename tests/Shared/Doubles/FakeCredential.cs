using Azure.Core;

namespace ArtBot.Tests.Shared;

/// <summary>A token credential that counts calls and hands out numbered tokens valid for an hour.</summary>
internal sealed class FakeCredential(TimeProvider time) : TokenCredential
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<string>? LastScopes { get; private set; }

    public Exception? Failure { get; set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        LastScopes = requestContext.Scopes;
        if (Failure is not null)
        {
            throw Failure;
        }

        return ValueTask.FromResult(new AccessToken($"token-{call}", time.GetUtcNow().AddHours(1)));
    }
}
