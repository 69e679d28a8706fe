namespace ArtBot.Features.Meetings;

/// <summary>ArtBot in Teams meetings (<c>Meetings</c> section).</summary>
public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>
    /// The Teams app's id (the manifest's <c>id</c>): the in-meeting notification's bubble link names it. Default: the bot's
    /// app id, as the app package's default. Without either (local development) the vote card goes to the meeting chat
    /// without the in-meeting alert.
    /// </summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Where the pages are served (<c>https://{host}</c>); by default the origin the side panel called from.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long a meeting vote runs when the side panel does not say (a vote always closes, even if nobody ends the meeting).</summary>
    public int DefaultMinutes { get; set; } = 15;

    /// <summary>How long a participant's meeting role from Teams is trusted (Teams advises not to cache roles long).</summary>
    public TimeSpan RoleCacheTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old the live state shown on the stage may be (one storage read per vote and instance at most this often).</summary>
    public TimeSpan LiveStateAge { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long concern prompts are gathered before they go out in calls of at most 10 recipients.</summary>
    public TimeSpan ConcernPromptDelay { get; set; } = TimeSpan.FromSeconds(2);
}
