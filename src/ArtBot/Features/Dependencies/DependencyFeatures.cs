using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// The features a dependency can be tied to on either side: a team's features of the ART's current PI (with a part of
/// that team, not removed), offered on the cards as a choice and checked when a card sends one.
/// </summary>
public static class DependencyFeatures
{
    /// <summary>The choice that ties no feature.</summary>
    public const string None = "none";

    /// <summary>Features offered at most (a team plans far fewer in a PI): keeps the card well under Teams' size limit.</summary>
    public const int MaxChoices = 40;

    private const int TitleShown = 80;

    /// <summary><paramref name="teamConversationId"/>'s features of <paramref name="art"/>'s current PI, in backlog order.</summary>
    public static IReadOnlyList<Feature> Of(IEnumerable<Feature> features, Art art, string teamConversationId) =>
        art.CurrentPi is { } pi ? FeatureBacklog.OfTeam(features.Where(f => string.Equals(f.Pi, pi.Name, StringComparison.Ordinal)), teamConversationId) : [];

    /// <summary>The choice of <paramref name="features"/> (and none), <paramref name="selected"/> preselected when it is one of them.</summary>
    public static ChoiceSetInput Input(string id, string label, IReadOnlyList<Feature> features, string? selected)
    {
        var shown = features.Where((f, i) => i < MaxChoices || f.Id == selected).ToList();
        return new ChoiceSetInput([new Choice(DependencyStrings.FeatureNone, None), .. shown.Select(f => new Choice(PlainText.Shorten(f.Title, TitleShown), f.Id))])
        {
            Id = id,
            Label = label,
            Value = shown.Any(f => f.Id == selected) ? selected : None,
            Style = "compact",
        };
    }

    /// <summary>
    /// The tie a card asks for: no input on the card (null) keeps <paramref name="current"/>, none unties, anything
    /// else must be one of <paramref name="allowed"/> (the team's features of the current PI).
    /// </summary>
    public static Checked<string?> Check(string? value, IReadOnlyList<Feature> allowed, string? current, string teamName)
    {
        if (value is null)
        {
            return Checked.Ok(current);
        }

        var id = value.Trim();
        return id.Length == 0 || id == None ? Checked.Ok<string?>(null)
            : allowed.Any(f => f.Id == id) ? Checked.Ok<string?>(id)
            : Checked.Fail<string?>(Localized.Format(DependencyStrings.ErrorUnknownFeature, teamName));
    }
}

/// <summary>
/// What a dependency card shows of features: the requesting team's feature that needs it, the providing team's that
/// delivers it (null: not tied, or no longer found), and the providing team's features it may choose from when committing.
/// </summary>
public sealed record DependencyCardFeatures(Feature? For, Feature? DeliveredBy, IReadOnlyList<Feature> ProviderChoices)
{
    public static readonly DependencyCardFeatures None = new(null, null, []);

    /// <summary>Picks what the card of <paramref name="dependency"/> needs from the ART's features (one read of them per card).</summary>
    public static DependencyCardFeatures From(IReadOnlyList<Feature> features, Art art, Dependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        Feature? Find(string? id) => id is null ? null : features.FirstOrDefault(f => f.Id == id);
        return new(Find(dependency.RequesterFeatureId), Find(dependency.ProviderFeatureId),
            string.Equals(art.CurrentPi?.Name, dependency.Pi, StringComparison.Ordinal) ? DependencyFeatures.Of(features, art, dependency.ProviderConversationId) : []);
    }
}
