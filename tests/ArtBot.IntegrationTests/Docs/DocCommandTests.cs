using ArtBot.Features.Sync;
using System.Globalization;
using System.Resources;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArtBot.BotFramework.Routing;
using ArtBot.Features.Arts;
using ArtBot.Features.Common;
using ArtBot.Features.Help;
using ArtBot.Features.Impediments;
using ArtBot.Features.Improvements;
using ArtBot.Features.Objectives;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Docs;

/// <summary>
/// The bot commands README.md and docs/commands.md show are commands the bot knows, and each example, typed in a channel,
/// is answered as that command: not with help's "I don't know the command", nor with a command's own "use it like this".
/// </summary>
[Collection(BotTests.Name)]
public sealed class DocCommandTests(BotHost bot)
{
    private static readonly HashSet<string> KnownWords =
        AppCommands.All.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every distinct command example of the command docs (for the theory).</summary>
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var shown in RepoDocs.CommandDocs.SelectMany(doc => DocCommandExample.In(doc, KnownWords)).Select(e => e.Shown).Distinct(StringComparer.Ordinal))
        {
            data.Add(shown);
        }

        return data;
    }

    [Fact]
    public void The_command_tables_and_the_mentions_name_only_commands_the_bot_knows()
    {
        var shown = RepoDocs.CommandDocs.SelectMany(doc =>
            RepoDocs.CommandColumnSpans(doc).Concat(RepoDocs.CodeSpans(doc).Where(s => s.StartsWith("@ArtBot ", StringComparison.Ordinal)))
                .Select(span => (Doc: doc, Example: new DocCommandExample(span)))).ToList();

        Assert.NotEmpty(shown);
        var unknown = shown.Where(s => !KnownWords.Contains(s.Example.Word)).Select(s => $"{s.Doc}: `{s.Example.Shown}`").ToList();
        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown));
    }

    [Fact]
    public void Every_command_the_bot_knows_is_in_the_command_guide()
    {
        var documented = DocCommandExample.In("docs/commands.md", KnownWords).Select(e => e.Word).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var undocumented = KnownWords.Where(word => !documented.Contains(word)).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_commands_read_here_are_the_running_bots()
    {
        bot.Services.GetRequiredService<ActivityRouter>(); // fills the feature table
        var running = bot.Services.GetRequiredService<FeatureTable>().Commands.Select(c => c.Name);

        Assert.Equal(KnownWords.Order(StringComparer.Ordinal), running.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_command_shown_in_the_docs_is_answered_as_that_command(string shown)
    {
        var example = new DocCommandExample(shown);
        // A tenant of its own: an example (art join, sync now) never touches another test's ART.
        var tenant = Guid.NewGuid().ToString();

        var answer = await new VoteDriver(bot).CommandAsync(example.Text, customize: activity =>
        {
            activity["conversation"]!["tenantId"] = tenant;
            activity["channelData"]!["tenant"]!["id"] = tenant;
            foreach (var name in example.Mentioned)
            {
                activity["entities"]!.AsArray().Add(new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = $"<at>{name}</at>",
                    ["mentioned"] = new JsonObject { ["id"] = "29:" + name.ToLowerInvariant() + "-teams-id", ["name"] = name },
                });
            }
        });

        var text = answer.AllText;
        var wrong = WrongCommandAnswers.FirstOrDefault(pattern => pattern.IsMatch(text));
        Assert.True(wrong is null, $"`{example.Text}` was answered as a command it does not know, or typed wrong: {text}");
    }

    /// <summary>
    /// What the bot answers to a command it does not know, or to one of its commands typed wrong (English, as the
    /// payload's locale is en-GB); each resource text's placeholders match anything.
    /// </summary>
    private static readonly IReadOnlyList<Regex> WrongCommandAnswers =
    [
        Answer(HelpStrings.ResourceManager, nameof(HelpStrings.UnknownCommand)),
        Answer(ArtStrings.ResourceManager, nameof(ArtStrings.ErrorUnknownArtCommand)),
        Answer(ArtStrings.ResourceManager, nameof(ArtStrings.RoleUsage)),
        Answer(ArtStrings.ResourceManager, nameof(ArtStrings.PiUsage)),
        Answer(SyncStrings.ResourceManager, nameof(SyncStrings.SyncUsage)),
        Answer(SyncStrings.ResourceManager, nameof(SyncStrings.SyncNotADate)),
        Answer(ArtStrings.ResourceManager, nameof(ArtStrings.JoinInvalidName)),
        Answer(ImpedimentStrings.ResourceManager, nameof(ImpedimentStrings.ListFilterHint)),
        Answer(ImprovementStrings.ResourceManager, nameof(ImprovementStrings.ErrorImprovementsUsage)),
        Answer(ImprovementStrings.ResourceManager, nameof(ImprovementStrings.ErrorInspectUsage)),
        Answer(ObjectiveStrings.ResourceManager, nameof(ObjectiveStrings.CommandHelp)),
    ];

    private static Regex Answer(ResourceManager resources, string name)
    {
        var english = resources.GetString(name, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No resource text {name}.");
        var pattern = string.Join(".*?", Regex.Split(english, @"\{\d+\}").Select(Regex.Escape));
        return new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
