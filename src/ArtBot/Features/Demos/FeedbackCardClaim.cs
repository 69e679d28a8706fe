using System.Globalization;

namespace ArtBot.Features.Demos;

/// <summary>
/// Posting a team's feedback card happens once across instances: before sending, an instance claims it by an
/// ETag-guarded update of <c>DemoTeamAnswer.FeedbackActivityId</c> to <c>claim:{unix seconds}</c>; the winner posts and
/// replaces the claim with the activity id (or clears it when the post failed, so the next change tries again). A
/// claim older than <see cref="Lease"/> (its instance stopped mid-post) may be taken over.
/// </summary>
public static class FeedbackCardClaim
{
    public const string Prefix = "claim:";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static string Of(DateTimeOffset at) => Prefix + at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static bool IsClaim(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The card's activity id, when posted (not a claim).</summary>
    public static string? Posted(string? value) => value is { Length: > 0 } && !IsClaim(value) ? value : null;

    /// <summary>True when a claim is there and still within its lease.</summary>
    public static bool IsHeld(string? value, DateTimeOffset now) =>
        IsClaim(value)
        && long.TryParse(value![Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < Lease;
}
