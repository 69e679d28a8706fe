using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>Told of every ballot stored (from a card or a meeting page); must return at once (queue any work).</summary>
public interface IVoteBallotListener
{
    void OnBallot(Vote vote, string voterId, string? channelUserId, int value);
}
