namespace ArtBot.Domain.Votes;

/// <summary>
/// One stored ballot. <see cref="VoterName"/>, <see cref="VoterId"/> and <see cref="ChannelUserId"/> are null for
/// anonymous votes. <see cref="Receipt"/> identifies this exact version of the row (see <see cref="VoteFinal"/>).
/// </summary>
public sealed record Ballot(int Value, string? VoterName)
{
    public string? VoterId { get; init; }
    public string? ChannelUserId { get; init; }
    public DateTimeOffset? CastAt { get; init; }
    public string? Receipt { get; init; }
}
