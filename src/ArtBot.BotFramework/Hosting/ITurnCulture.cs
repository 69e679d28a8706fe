using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Hosting;

/// <summary>
/// The language and time zone a turn is answered in. The endpoint enters it around the whole turn (handlers and the
/// failure answer), so everything the turn shows the user follows their Teams locale; the app decides which it speaks.
/// </summary>
public interface ITurnCulture
{
    /// <summary>Sets the turn's culture for <paramref name="activity"/>'s sender; disposing restores the previous one.</summary>
    IDisposable Enter(Activity activity);
}
