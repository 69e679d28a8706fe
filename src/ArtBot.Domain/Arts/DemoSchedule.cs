namespace ArtBot.Domain.Arts;

/// <summary>
/// When the ART's System Demos happen by default: the last working day of each iteration at <see cref="Time"/> (the
/// ART's time zone). Each team is asked what it will show <see cref="PromptLead"/> before; the agenda card goes to the
/// ART's channel (and the demo's meeting chat) <see cref="AgendaLead"/> before. RTEs change it (<c>demo settings</c>).
/// </summary>
public sealed record DemoSchedule(TimeOnly Time)
{
    public static readonly DemoSchedule Default = new(new TimeOnly(14, 0));

    public TimeSpan PromptLead { get; init; } = TimeSpan.FromDays(3);
    public TimeSpan AgendaLead { get; init; } = TimeSpan.FromDays(1);
}
