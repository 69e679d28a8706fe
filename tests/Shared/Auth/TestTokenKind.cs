namespace ArtBot.Tests.Shared;

/// <summary>The tokens <see cref="TestTokenIssuer.CreateToken(TestTokenKind, string, string)"/> can mint.</summary>
public enum TestTokenKind
{
    /// <summary>Signed by the endorsed, published key; right issuer, audience, lifetime and serviceurl.</summary>
    Valid,
    /// <summary>exp one hour ago (beyond the 5-minute skew).</summary>
    Expired,
    /// <summary>nbf one hour ahead.</summary>
    NotYetValid,
    /// <summary>aud is another app id.</summary>
    WrongAudience,
    /// <summary>iss is not the channel issuer.</summary>
    WrongIssuer,
    /// <summary>Signed by a key whose kid is not published.</summary>
    UnknownKid,
    /// <summary>Signed by the published key that is not endorsed for msteams.</summary>
    UnendorsedKey,
    /// <summary><c>"alg": "none"</c> and an empty signature.</summary>
    AlgNone,
    /// <summary>HS256 with the published public key (PEM bytes) as the HMAC secret.</summary>
    Hs256WithPublicKey,
    /// <summary>serviceurl claim differs from the activity's serviceUrl.</summary>
    WrongServiceUrl,
    /// <summary>No serviceurl claim.</summary>
    MissingServiceUrl,
    /// <summary>Signed by an unpublished key but claiming the published signing key's kid.</summary>
    Forged,
}
