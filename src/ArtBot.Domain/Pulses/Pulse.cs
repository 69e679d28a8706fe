namespace ArtBot.Domain.Pulses;

/// <summary>
/// A team's satisfaction pulse for one iteration of a PI: one per team and iteration (its id comes from them), open
/// until the iteration ends. Answers are anonymous: the store keys them by a salted hash and drops the salt at close.
/// </summary>
public sealed record Pulse
{
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public required int Iteration { get; init; }
    /// <summary>The last day of the iteration (in the ART's time zone): the pulse closes after it.</summary>
    public required DateOnly IterationEnd { get; init; }
    /// <summary>The PI's last iteration (the IP iteration with the Inspect &amp; Adapt): the pulse asks about the PI.</summary>
    public bool IsInspectAndAdapt { get; init; }
    /// <summary>The team's channel (no thread suffix).</summary>
    public required string TeamConversationId { get; init; }
    /// <summary>Where the card was posted (with a thread suffix when posted in a thread).</summary>
    public required string PostedConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public string? ActivityId { get; init; }
    /// <summary>The activity of the <c>pulse</c> command that created it: its redelivery posts nothing again.</summary>
    public string? SourceActivityId { get; init; }
    public string? Language { get; init; }
    public string? TimeZoneId { get; init; }
    public bool IsClosed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public PulseKey Key => new(TenantId, ArtId, Pi, Iteration, TeamConversationId);

    /// <summary>True once the iteration has ended on <paramref name="today"/> (the ART's date).</summary>
    public bool HasEnded(DateOnly today) => today > IterationEnd;
}
