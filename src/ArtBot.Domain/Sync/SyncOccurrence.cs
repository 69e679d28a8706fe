using System.Globalization;

namespace ArtBot.Domain.Sync;

/// <summary>
/// One weekly ART sync: its date in the ART's time zone and the instants (UTC) of its check-in prompt, reminder and
/// summary. <see cref="ClosesAt"/> is when answers stop being accepted (the end of the meeting).
/// </summary>
public sealed record SyncOccurrence(
    string ArtId,
    DateOnly Date,
    DateTimeOffset PromptAt,
    DateTimeOffset? ReminderAt,
    DateTimeOffset SyncAt,
    DateTimeOffset ClosesAt)
{
    /// <summary>The occurrence's id in keys and card data: the date as <c>yyyyMMdd</c>.</summary>
    public string Id => Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Answers are taken (and can be edited) from the prompt until the sync closes.</summary>
    public bool AcceptsAnswersAt(DateTimeOffset now) => now < ClosesAt;

    /// <summary>An answer given after the sync started: the posted summary is updated for it.</summary>
    public bool IsLateAt(DateTimeOffset now) => now >= SyncAt;
}
