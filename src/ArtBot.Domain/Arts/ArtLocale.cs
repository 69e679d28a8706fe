using ArtBot.Domain.Text;

namespace ArtBot.Domain.Arts;

/// <summary>The language and time zone of cards shared in a conversation: an ART's setting, else the creator's.</summary>
public static class ArtLocale
{
    /// <summary>
    /// A card shared in a conversation of <paramref name="art"/> (null: not in an ART): the ART's language (the
    /// creator's when it has none) and the ART's time zone; outside an ART the creator's language and zone.
    /// </summary>
    public static CardLocale ForCard(Art? art) => art is null
        ? CardLocale.Current
        : new CardLocale(art.Language is { Length: > 0 } language ? language : Localized.Culture.Name, art.Sync.TimeZoneId);
}
