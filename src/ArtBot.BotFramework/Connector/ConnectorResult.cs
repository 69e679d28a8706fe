namespace ArtBot.BotFramework.Connector;

/// <summary>The result of a read (members, team details, channels): a value on success, otherwise the failure.</summary>
public sealed record ConnectorResult<T>
{
    public required ConnectorOutcomeKind Kind { get; init; }

    /// <summary>The value read; set when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; init; }

    /// <summary>The last HTTP status seen; 0 when no HTTP answer came.</summary>
    public int StatusCode { get; init; }

    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
    public int Attempts { get; init; }
    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccess => Kind == ConnectorOutcomeKind.Sent;
}
