using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>Told of every vote started (not of redeliveries), e.g. so a meeting keeps the votes run in it.</summary>
public interface IVoteStartedListener
{
    Task OnStartedAsync(Vote vote, CancellationToken cancellationToken);
}
