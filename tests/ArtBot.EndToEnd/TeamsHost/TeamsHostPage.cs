using System.Globalization;
using System.Net;

namespace ArtBot.EndToEnd;

/// <summary>
/// The Teams window's page: the app in an iframe, and a relay that hands each teams-js message from it to the test
/// (<c>artbotTeamsHost</c>, <see cref="TeamsHost"/>) and posts the answer back to the app's origin, as Teams' own
/// message hub does; <c>artbotTeamsHostSend</c> posts an event (theme change, settings save) to the app.
/// </summary>
internal static class TeamsHostPage
{
    public static string Html(TeamsHostFrame frame) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Microsoft Teams</title>
        <style>html, body { margin: 0; padding: 0; overflow: hidden; } iframe { display: block; border: 0; }</style>
        </head>
        <body>
        <iframe id="app" title="ArtBot" src="{{WebUtility.HtmlEncode(frame.Url)}}" width="{{frame.Width.ToString(CultureInfo.InvariantCulture)}}" height="{{frame.Height.ToString(CultureInfo.InvariantCulture)}}"></iframe>
        <script>
        const frame = document.getElementById('app');
        const appOrigin = new URL(frame.src).origin;
        window.addEventListener('message', async (event) => {
          if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object' || typeof event.data.func !== 'string') return;
          const answer = JSON.parse(await window.artbotTeamsHost(JSON.stringify(event.data), event.origin));
          if (answer.reply) event.source.postMessage(answer.reply, event.origin);
          if (answer.close) frame.remove();
        });
        window.artbotTeamsHostSend = (func, args) => {
          if (frame.isConnected) frame.contentWindow.postMessage({ func, args: JSON.parse(args) }, appOrigin);
        };
        </script>
        </body>
        </html>
        """;
}
