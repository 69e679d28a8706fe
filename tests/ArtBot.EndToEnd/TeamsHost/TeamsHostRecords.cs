using System.Text.Json.Nodes;

namespace ArtBot.EndToEnd;

/// <summary>A teams-js call a page made: its frame context and origin, the function and its arguments as sent.</summary>
public sealed record TeamsHostCall(string FrameContext, string Origin, string Func, JsonArray Args)
{
    public override string ToString() => $"{Func}({Args.ToJsonString()}) from {FrameContext} at {Origin}";
}

/// <summary><c>meeting.shareAppContentToStage</c>: the page's URL shared to the stage, by whom and how.</summary>
public sealed record StageShare(string Url, string SharingProtocol, string FromFrameContext, TeamsContext Context);

/// <summary><c>dialog.url.submit</c> (<c>tasks.completeTask</c>): what the dialog handed back, and to which apps.</summary>
public sealed record DialogSubmission(JsonNode? Result, IReadOnlyList<string> AppIds, string Url);
