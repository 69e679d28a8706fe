using ArtBot.BotFramework.Routing;
using ArtBot.Features.Common;
using ArtBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Tests.Shared;

/// <summary>The app's feature table as the host composes it (local-development settings; nothing is reached).</summary>
public static class AppCommands
{
    private static readonly Lazy<FeatureTable> Table = new(Compose);

    /// <summary>Every text command, in the order help lists them.</summary>
    public static IReadOnlyList<BotCommand> All => Table.Value.Commands;

    /// <summary>Every Universal Action verb the bot answers.</summary>
    public static IReadOnlyCollection<string> Verbs => Table.Value.Verbs;

    private static FeatureTable Compose()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" });
        builder.Services.AddArtBot(builder.Configuration);
        using var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<ActivityRouter>();
        return services.GetRequiredService<FeatureTable>();
    }
}
