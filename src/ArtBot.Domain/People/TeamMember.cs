namespace ArtBot.Domain.People;

/// <summary>A member of a team: <paramref name="Id"/> is the Entra object id when known, else the Teams user id.</summary>
public sealed record TeamMember(string Id, string Name, string? TeamsUserId = null, string? Email = null);
