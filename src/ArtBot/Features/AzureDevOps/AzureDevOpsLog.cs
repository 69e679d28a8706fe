using ArtBot.Domain.AzureDevOps;

namespace ArtBot.Features.AzureDevOps;

/// <summary>The Azure DevOps backlog's log lines (ids and counts only: no titles, no tokens).</summary>
internal static partial class AzureDevOpsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Backlog {ArtId}: Azure DevOps read {Status}: {Added} added, {Changed} changed, {Removed} removed (HTTP {HttpStatus})")]
    public static partial void Refreshed(ILogger logger, string artId, BacklogRefreshStatus status, int added, int changed, int removed, int httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backlog refresh pass failed; tried again next tick")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backlog {ArtId}: background refresh failed")]
    public static partial void RefreshFailed(ILogger logger, string artId, Exception exception);
}
