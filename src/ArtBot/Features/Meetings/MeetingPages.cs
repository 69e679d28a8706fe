using ArtBot.BotFramework;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Meetings;

/// <summary>
/// The absolute URLs of the meeting pages Teams opens (the in-meeting bubble, the concern prompt, the stage):
/// <see cref="MeetingOptions.PublicUrl"/>, else the origin the meeting pages last called from.
/// </summary>
public sealed class MeetingPages(IOptions<MeetingOptions> options, IOptions<BotFrameworkOptions> bot)
{
    public const int BubbleWidth = 280;
    public const int BubbleHeight = 300;

    private string? _seenOrigin;

    /// <summary>Notes the origin a meeting page called from (the bot's public address as Teams reaches it).</summary>
    public void Saw(HttpRequest request)
    {
        if (options.Value.PublicUrl is null && _seenOrigin is null && request.Host.HasValue)
        {
            _seenOrigin = $"{request.Scheme}://{request.Host}";
        }
    }

    /// <summary>The page's URL with the vote in its query; null while the public address is unknown.</summary>
    public Uri? Page(string page, string voteId)
    {
        var origin = options.Value.PublicUrl ?? _seenOrigin;
        return origin is null ? null : new Uri($"{origin.TrimEnd('/')}/room/{page}?vote={Uri.EscapeDataString(voteId)}");
    }

    /// <summary>The Teams app's id: as set, else the bot's app id (the app package's default, manifest/scripts/package.mjs).</summary>
    public string? TeamsAppId => options.Value.TeamsAppId is { Length: > 0 } id ? id : bot.Value.MicrosoftAppId is { Length: > 0 } appId ? appId : null;
}
