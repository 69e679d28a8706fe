namespace ArtBot.Features.Votes;

/// <summary>Settings of the deadline sweep (<c>Votes:*</c>).</summary>
public sealed class VoteDeadlineOptions
{
    public const string Section = "Votes";

    /// <summary>How often every instance looks for votes whose deadline passed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A vote found closed but still due this long after its close is repaired (its closer died mid-way).</summary>
    public TimeSpan RepairAfter { get; set; } = TimeSpan.FromMinutes(1);
}
