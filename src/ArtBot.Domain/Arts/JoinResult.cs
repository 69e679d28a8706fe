namespace ArtBot.Domain.Arts;

public enum JoinResult
{
    /// <summary>The channel joined the ART.</summary>
    Joined,

    /// <summary>The channel was already a team of this ART; its details were refreshed.</summary>
    AlreadyJoined,

    /// <summary>The channel belongs to another ART (or is another ART's home); nothing changed.</summary>
    OtherArt,
}
