using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Common;

/// <summary>
/// A turn speaks the sender's language (their Teams locale, English when ArtBot does not speak it) and shows times in
/// their zone (clientInfo's, UTC when the client does not say). Shared cards switch to the conversation's language and
/// zone where they are built (<see cref="CardLocale"/>).
/// </summary>
public sealed class TurnCulture : ITurnCulture
{
    public IDisposable Enter(Activity activity) =>
        Localized.Use(Languages.Resolve(activity.UserLocale), TimeZones.Find(activity.UserTimeZone) ?? TimeZoneInfo.Utc);
}
