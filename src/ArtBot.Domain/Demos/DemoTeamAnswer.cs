using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.Domain.Demos;

/// <summary>
/// One team's part of a System Demo: its prompt (posted once: the row is the claim) and what it will show. One per
/// demo and team (<see cref="DemoIds.TeamAnswer"/>). <see cref="Items"/> is replaced as a whole when the team answers
/// again; an item keeps its id while it stays (feedback refers to it).
/// </summary>
public sealed record DemoTeamAnswer : IPlanItem
{
    public const int MaxItems = 8;

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public required int Iteration { get; init; }
    /// <summary>The <see cref="SystemDemo.Id"/>.</summary>
    public required string DemoId { get; init; }
    public required string TeamConversationId { get; init; }
    public required string TeamName { get; init; }
    /// <summary>When an instance claimed posting the prompt (a claim older than a few minutes without an activity may be taken over).</summary>
    public DateTimeOffset? PromptClaimedAt { get; init; }
    /// <summary>The prompt card in the team's channel, once posted.</summary>
    public string? PromptActivityId { get; init; }
    /// <summary>When an instance claimed posting the team's feedback card (a claim older than a few minutes without an activity may be taken over).</summary>
    public DateTimeOffset? FeedbackClaimedAt { get; init; }
    /// <summary>The team's feedback card in its channel (what Business Owners said), once posted.</summary>
    public string? FeedbackActivityId { get; init; }
    public IReadOnlyList<DemoItem> Items { get; init; } = [];
    /// <summary>The team answered that it shows nothing this time.</summary>
    public bool NothingToShow { get; init; }
    public Person? AnsweredBy { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    public bool HasAnswered => AnsweredAt is not null;
}

/// <summary>What a team shows: one of its PI features or objectives (by id), or free text; and who presents it.</summary>
public sealed record DemoItem(string Id, DemoItemKind Kind, string? RefId, string Title, string? Presenter)
{
    public const int MaxTitle = 200;
    public const int MaxPresenter = 100;
}

public enum DemoItemKind
{
    Feature,
    Objective,
    Text,
}
