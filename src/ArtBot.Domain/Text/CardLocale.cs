namespace ArtBot.Domain.Text;

/// <summary>
/// The language (a culture name, <c>de-DE</c>) and time zone a shared card is shown in, kept with what the card shows
/// so that it keeps them when someone else's action updates it later.
/// </summary>
public sealed record CardLocale(string Language, string? TimeZoneId)
{
    /// <summary>The current turn's: the language and zone of the person creating the card.</summary>
    public static CardLocale Current => new(Localized.Culture.Name, Localized.Zone.Id);

    /// <summary>Shows texts and times in this locale until disposed.</summary>
    public IDisposable Use() => Localized.Use(Languages.Resolve(Language), TimeZones.Find(TimeZoneId) ?? TimeZoneInfo.Utc);
}
