using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ArtBot.Features.Room;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Room;

/// <summary>
/// A local stand-in for Entra ID's multi-tenant authority: OpenID metadata whose issuer is the
/// <c>{tenantid}</c> template, its keys, and Teams SSO access tokens minted like Entra's (tid, oid, scp, v2 issuer).
/// </summary>
internal sealed class EntraIssuer : IAsyncDisposable
{
    public const string Template = "https://login.microsoftonline.com/{tenantid}/v2.0";
    public const string Resource = "api://localhost/botid-" + BotHost.AppId;

    private readonly BotHost _bot;

    private EntraIssuer(BotHost bot, OpenIdMetadataServer metadata)
    {
        _bot = bot;
        Metadata = metadata;
    }

    /// <summary>The clock tokens are minted on: the bot's, which checks their lifetime.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public OpenIdMetadataServer Metadata { get; }

    /// <summary>The bot's settings that point the ART room's sign-in at this issuer.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Room:MetadataAddress"] = Metadata.MetadataUrl,
        ["Room:Audience"] = Resource,
    };

    public static async Task<EntraIssuer> StartAsync(BotHost bot) =>
        new(bot, await OpenIdMetadataServer.StartAsync(bot.Tokens.PublishedKeys, Template));

    /// <summary>A valid token for a user of <paramref name="tenant"/>; <paramref name="change"/> makes it wrong in one way.</summary>
    public string Token(string tenant, string objectId, string name = "Megan Bowen", Action<TestTokenOptions>? change = null) =>
        _bot.Tokens.CreateToken(Resource, null!, o =>
        {
            o.Issuer = Template.Replace("{tenantid}", tenant, StringComparison.Ordinal);
            o.IssuedAt = o.NotBefore = Clock.GetUtcNow().AddMinutes(-1);
            o.Expires = Clock.GetUtcNow().AddHours(1);
            o.ExtraClaims["tid"] = tenant;
            o.ExtraClaims["oid"] = objectId;
            o.ExtraClaims["name"] = name;
            o.ExtraClaims["scp"] = RoomOptions.Scope;
            o.ExtraClaims["ver"] = "2.0";
            change?.Invoke(o);
        });

    public static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>GETs <paramref name="path"/> with the token: asserts 200 (else fails with the answer) and returns its JSON.</summary>
    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path, string token)
    {
        using var response = await client.SendAsync(Get(path, token));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public ValueTask DisposeAsync() => Metadata.DisposeAsync();
}
