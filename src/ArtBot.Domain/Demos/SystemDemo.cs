using ArtBot.Domain.Planning;

namespace ArtBot.Domain.Demos;

/// <summary>
/// The System Demo of one iteration of a PI: when it is (the iteration's last working day at the ART's demo time,
/// unless an RTE moved it), whether it is skipped, and where its agenda card was posted. One per ART, PI and iteration:
/// its id comes from them (<see cref="DemoIds.Demo"/>), so every instance finds the same row. Created when first needed
/// (the scheduler's prompts, <c>demo</c>, a move); changes by people go to its history.
/// </summary>
public sealed record SystemDemo : IPlanItem
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public required int Iteration { get; init; }
    /// <summary>The day of the demo in the ART's time zone.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>The time of the demo in the ART's time zone.</summary>
    public required TimeOnly Time { get; init; }
    /// <summary>An RTE skipped this demo: no prompts, no agenda.</summary>
    public bool Skipped { get; init; }
    /// <summary>An RTE moved it off its default day or time (a new cadence does not move it back).</summary>
    public bool Moved { get; init; }
    /// <summary>The Teams meeting chat of the demo, when the RTE linked one (<c>demo meeting</c> in its chat): the agenda goes there too.</summary>
    public string? MeetingConversationId { get; init; }
    public string? MeetingServiceUrl { get; init; }
    /// <summary>The agenda card in the ART's summary channel, once posted.</summary>
    public string? AgendaActivityId { get; init; }
    /// <summary>The channel <see cref="AgendaActivityId"/> is in (the summary channel when posted, or where <c>demo</c> posted it last).</summary>
    public string? AgendaConversationId { get; init; }
    /// <summary>When an instance claimed posting the agenda (a claim older than a few minutes without an activity may be taken over).</summary>
    public DateTimeOffset? AgendaClaimedAt { get; init; }
    /// <summary>The agenda card in the meeting chat, once posted.</summary>
    public string? MeetingAgendaActivityId { get; init; }
    /// <summary>When an instance claimed posting the agenda to the meeting chat.</summary>
    public DateTimeOffset? MeetingAgendaClaimedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }
}
