namespace ArtBot.Features.Sync;

/// <summary>What one fan-out pass did: posted, bot removed, failed (retried later), and not taken (done or held elsewhere).</summary>
public sealed record FanOutResult(int Sent, int Unreachable, int Failed, int Skipped)
{
    public static readonly FanOutResult None = new(0, 0, 0, 0);
}
