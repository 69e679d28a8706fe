namespace ArtBot.Domain.Votes;

/// <summary>SAFe: each team first votes on its own PI objectives, then the whole ART votes on the ART's.</summary>
public enum VoteScope
{
    Team,
    Art,
}
