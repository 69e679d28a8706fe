namespace ArtBot.Domain.Arts;

/// <summary>The ART a conversation belongs to: as its home channel, or as a team channel (<see cref="Team"/> set).</summary>
public sealed record ArtMembership(Art Art, ArtTeam? Team);
