namespace ArtBot.Domain.Arts;

/// <summary>A Program Increment (PI): 8 to 12 weeks, named like "PI 2027.1".</summary>
public sealed record ProgramIncrement(string Name, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
