namespace ArtBot.Domain.People;

/// <summary>
/// Someone who acts, owns or is named (an RTE, an impediment's owner, who answered a check-in): a stable id (Entra object
/// id, else the Teams user id) and a display name.
/// </summary>
public sealed record Person(string Id, string? Name)
{
    /// <summary>The name to show; the id never appears in a card.</summary>
    public string DisplayName => Name is { Length: > 0 } name ? name : PersonStrings.Someone;
}
