namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// One Azure DevOps call's outcome: the value on success, else the HTTP status (0: no answer; -1: no token), and the
/// answer's Retry-After, which Azure DevOps may send with a 200 too.
/// </summary>
public sealed record AzureDevOpsAnswer<T>(T? Value, int Status, TimeSpan? RetryAfter)
    where T : class
{
    public bool IsSuccess => Value is not null;
}

/// <summary>Statuses of <see cref="AzureDevOpsAnswer{T}"/> that are not HTTP's.</summary>
public static class AzureDevOpsAnswer
{
    /// <summary>No token: the bot has no identity, or Entra ID refused it.</summary>
    public const int NoToken = -1;

    /// <summary>A failed call's answer.</summary>
    public static AzureDevOpsAnswer<T> Failed<T>(int status, TimeSpan? retryAfter = null)
        where T : class => new(null, status, retryAfter);
}
