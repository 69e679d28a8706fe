namespace ArtBot.EndToEnd;

/// <summary>Where Teams shows a page (teams-js <c>FrameContexts</c>): what <c>app.initialize</c> and <c>getContext</c> report.</summary>
public static class TeamsFrameContexts
{
    /// <summary>A channel, chat or personal tab.</summary>
    public const string Content = "content";

    /// <summary>The meeting side panel (280 px wide).</summary>
    public const string SidePanel = "sidePanel";

    /// <summary>The meeting stage (shared by a presenter).</summary>
    public const string MeetingStage = "meetingStage";

    /// <summary>A tab's configuration page.</summary>
    public const string Settings = "settings";

    /// <summary>A dialog (task module), including the in-meeting notification's bubble.</summary>
    public const string Task = "task";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Content, SidePanel, MeetingStage, Settings, Task, "stage", "remove", "authentication" };
}
