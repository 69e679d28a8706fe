using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>
/// Whose language, through /api/messages: a person's own views follow their Teams locale; the shared vote card keeps
/// its creator's language (outside an ART), whoever's ballot updates it.
/// </summary>
[Collection(BotTests.Name)]
public sealed class VoteLanguageTests(BotHost bot)
{
    private readonly VoteDriver _votes = new(bot);

    private static void German(JsonObject activity)
    {
        activity["locale"] = "de-DE";
        foreach (var entity in activity["entities"]?.AsArray() ?? [])
        {
            if (entity?["type"]?.GetValue<string>() == "clientInfo")
            {
                entity["locale"] = "de-DE";
            }
        }
    }

    [Fact]
    public async Task A_German_user_gets_German_help_and_an_Austrian_one_too_while_an_unknown_locale_gets_English()
    {
        var german = await _votes.CommandAsync("help", customize: German);
        var austrian = await _votes.CommandAsync("help", customize: a => a["locale"] = "de-AT");
        var japanese = await _votes.CommandAsync("help", customize: a => { a["locale"] = "ja-JP"; a["entities"] = new JsonArray(); });

        Assert.Contains("ArtBot-Hilfe", german.AllText, StringComparison.Ordinal);
        Assert.Contains("Abstimmung starten", german.AllText, StringComparison.Ordinal);
        Assert.Contains("vote [anonymous] \u2039Frage\u203A", german.AllText, StringComparison.Ordinal);
        Assert.Contains("ArtBot-Hilfe", austrian.AllText, StringComparison.Ordinal);
        Assert.Contains("ArtBot help", japanese.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_started_by_a_German_user_stays_German_for_everyone_while_an_English_voter_sees_their_own_view_in_English()
    {
        var posted = await _votes.CommandAsync("vote Schaffen wir die PI-Ziele?", customize: German);
        var voteId = VoteDriver.VoteIdOf(posted);
        Assert.Contains("Noch keine Stimmen.", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Abstimmung beenden…", posted.AllText, StringComparison.Ordinal);

        // An English voter (the fixture's locale is en-GB): their own view is English.
        var (_, english) = await _votes.CastAsync(voteId, 2, "voter-en", "Erin English");
        var own = VoteDriver.CardText(english);
        Assert.Contains("Your vote: **2", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Ihre Stimme", own, StringComparison.Ordinal);

        // The card everyone sees, updated after that English ballot, is still German.
        var update = await bot.Connector.WaitForAsync(r => r.Method == "PUT" && _votes.IsMine(r) && r.AllText.Contains("1 Stimme", StringComparison.Ordinal));
        Assert.DoesNotContain("vote so far", update[^1].AllText, StringComparison.Ordinal);

        // The German creator's own view ("My vote") is German.
        var (_, mine) = await _votes.InvokeAsync("vote.refresh", new JsonObject { ["voteId"] = voteId }, "creator-aad", "Ceri Creator", customize: German);
        Assert.Contains("Meine Stimme", VoteDriver.CardText(mine), StringComparison.Ordinal);
    }
}
