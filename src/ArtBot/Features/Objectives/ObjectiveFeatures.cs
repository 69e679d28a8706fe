using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Objectives;

/// <summary>
/// The features a PI objective covers: which a team may choose (its features of the current PI), the check of what a
/// card sent, and how the cards name them ("Covers: Checkout, Search").
/// </summary>
public static class ObjectiveFeatures
{
    /// <summary>A feature's title in a choice and in "Covers: …".</summary>
    public const int TitleShown = 40;

    /// <summary>The "Covers: …" line on a team's card, so ten objectives stay within a card's size.</summary>
    public const int CoversShown = 110;

    /// <summary>The same on the ART's card, which lists every team's objectives.</summary>
    public const int CoversShownForArt = 70;

    /// <summary>The features the team may choose: its part of each, not removed, in backlog order.</summary>
    public static List<Feature> Choosable(ArtTeam team, IEnumerable<Feature> features) => FeatureBacklog.OfTeam(features, team.ConversationId);

    /// <summary>The ids a multi-select sent ("id1,id2"), each once; empty for none.</summary>
    public static IReadOnlyList<string> Parse(string? sent) =>
        [.. (sent ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The ids to store, in the order of <paramref name="choosable"/>: each a feature the team may choose, or one the
    /// objective already covers (it stays when it was removed since); anything else fails with why.
    /// </summary>
    public static Checked<IReadOnlyList<string>> Check(IReadOnlyList<string> sent, IReadOnlyList<Feature> choosable, IReadOnlyList<string> covered, ArtTeam team)
    {
        var allowed = choosable.Select(f => f.Id).Concat(covered).Distinct(StringComparer.Ordinal).ToList();
        if (sent.FirstOrDefault(id => !allowed.Contains(id, StringComparer.Ordinal)) is not null)
        {
            return Checked.Fail<IReadOnlyList<string>>(Localized.Format(ObjectiveStrings.ErrorUnknownFeature, team.TeamName));
        }

        return Checked.Ok<IReadOnlyList<string>>([.. allowed.Where(id => sent.Contains(id, StringComparer.Ordinal))]);
    }

    /// <summary>Each feature's title by id, for the history.</summary>
    public static Dictionary<string, string> Titles(IEnumerable<Feature> features) =>
        features.ToDictionary(f => f.Id, f => f.Title, StringComparer.Ordinal);

    public static Dictionary<string, Feature> ById(IEnumerable<Feature> features) => features.ToDictionary(f => f.Id, StringComparer.Ordinal);

    /// <summary>"Covers: Checkout, Search" (Markdown-escaped, shortened, "+2 more" when cut); null when it covers none.</summary>
    public static string? Covers(PiObjective objective, IReadOnlyDictionary<string, Feature> features, int max = CoversShown)
    {
        var titles = objective.FeatureIds.Select(id => features.TryGetValue(id, out var f) ? PlainText.Shorten(f.Title, TitleShown) : null).OfType<string>().ToList();
        if (titles.Count == 0)
        {
            return null;
        }

        var shown = new List<string>();
        foreach (var title in titles)
        {
            var rest = titles.Count - shown.Count - 1;
            var line = string.Join(", ", shown.Append(title)) + (rest > 0 ? ", " + Localized.Format(ObjectiveStrings.CoversMore, rest) : "");
            if (shown.Count > 0 && line.Length > max)
            {
                break;
            }

            shown.Add(title);
        }

        var text = string.Join(", ", shown) + (titles.Count > shown.Count ? ", " + Localized.Format(ObjectiveStrings.CoversMore, titles.Count - shown.Count) : "");
        return Localized.Format(ObjectiveStrings.Covers, PlainText.EscapeMarkdown(text));
    }
}
