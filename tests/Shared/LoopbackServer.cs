using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtBot.Tests.Shared;

/// <summary>Small quiet HTTP stand-ins (connectors, proxies) on a free 127.0.0.1 port.</summary>
public static class LoopbackServer
{
    /// <summary>An app that will listen on a free loopback port, with logging off; map its handler, then <see cref="StartAsync"/>.</summary>
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>Starts the app; returns its base address with a trailing slash (<c>http://127.0.0.1:port/</c>).</summary>
    public static async Task<string> StartAsync(WebApplication app)
    {
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.TrimEnd('/') + "/";
    }
}
