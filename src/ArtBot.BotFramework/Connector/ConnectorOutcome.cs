namespace ArtBot.BotFramework.Connector;

/// <summary>
/// The result of a send, reply, update, delete or create-conversation call. Never an exception for
/// HTTP errors: the <see cref="Kind"/> says what happened.
/// </summary>
public sealed record ConnectorOutcome
{
    public required ConnectorOutcomeKind Kind { get; init; }

    /// <summary>
    /// On success: the activity id the connector returned (send, reply, update; may be null when the
    /// connector answers 202 without a body), the deleted activity's id (delete), or the new
    /// conversation's id (create conversation).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Create conversation only: the id of the first activity (channel threads).</summary>
    public string? ActivityId { get; init; }

    /// <summary>Create conversation only: the service URL the connector returned, if any.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The last HTTP status seen; 0 when no HTTP answer came (network error, timeout, no token, client-side throttling).</summary>
    public int StatusCode { get; init; }

    /// <summary>The connector's error code (<c>error.code</c>) or a client-side code such as <c>Timeout</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The connector's error message, if any. Never the activity's text.</summary>
    public string? Message { get; init; }

    /// <summary>How many HTTP requests were made (1 = no retry; 0 = none was sent).</summary>
    public int Attempts { get; init; }

    /// <summary>When throttled by the service: how long it asked to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccess => Kind == ConnectorOutcomeKind.Sent;
}
