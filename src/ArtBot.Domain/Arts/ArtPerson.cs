namespace ArtBot.Domain.Arts;

/// <summary>A person as Teams names them: <paramref name="Id"/> is the Entra object id, else the Teams user id.</summary>
public sealed record ArtPerson(string Id, string? Name);
