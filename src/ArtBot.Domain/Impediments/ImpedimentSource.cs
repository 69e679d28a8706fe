namespace ArtBot.Domain.Impediments;

/// <summary>
/// The link back to where an impediment was raised: a URL people can open (e.g. Teams' link to the message) and/or
/// the ids of the thing it came from (a message id, <c>voteId/concernId</c>, <c>checkInId/team</c>).
/// </summary>
public sealed record ImpedimentSource(ImpedimentSourceKind Kind, string? Url = null, string? ReferenceId = null, string? AuthorName = null)
{
    public static ImpedimentSource Command(string? activityId) => new(ImpedimentSourceKind.Command, ReferenceId: activityId);

    public static ImpedimentSource Message(string? messageId, string? linkToMessage, string? authorName) =>
        new(ImpedimentSourceKind.Message, linkToMessage, messageId, authorName);

    public static ImpedimentSource VoteConcern(string voteId, string concernId, string? url = null) =>
        new(ImpedimentSourceKind.VoteConcern, url, voteId + "/" + concernId);

    public static ImpedimentSource Dependency(string dependencyId) => new(ImpedimentSourceKind.Dependency, ReferenceId: dependencyId);

    public static ImpedimentSource CheckInBlocker(string checkInId, string team, string? url = null) =>
        new(ImpedimentSourceKind.CheckInBlocker, url, checkInId + "/" + team);
}
