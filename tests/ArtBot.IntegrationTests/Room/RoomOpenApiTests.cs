using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Features.Board;
using ArtBot.Features.Room;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Room;

/// <summary>
/// The ART room API's contract (<see cref="RoomOpenApi"/>): served at <c>/api/room/openapi.json</c> to anyone, describing
/// the room's endpoints only, with the JSON the endpoints really write. The build writes the same document to
/// <c>web/room/api/openapi_room.json</c> (ArtBot.csproj), and the tab's page is type-checked against it.
/// </summary>
[Collection(BotTests.Name)]
public sealed class RoomOpenApiTests(BotHost bot)
{
    private const string Committed = "web/room/api/openapi_room.json";

    private static readonly string[] Views = ["overview", "risks", "sync", "demos", "improvements", "predictability", "review", "dependencies", "mine"];

    private async Task<JsonObject> ServedAsync()
    {
        // No token: the document describes the API and holds no data.
        using var response = await bot.Client.GetAsync(new Uri("/api/room/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_document_is_served_without_sign_in_and_describes_the_room_api_only()
    {
        var document = await ServedAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        string[] board = [
            "/api/room/board/moves", "/api/room/board/capacity", "/api/room/board/milestones", "/api/room/board/milestones/{id}", "/api/room/board/features",
            "/api/room/board/features/{id}/history", "/api/room/board/strings/{id}/risk", "/api/room/board/strings/{id}/proposal"];
        string[] room = ["/api/room/context", .. Views.Append("board").SelectMany(v => new[] { $"/api/room/{v}", $"/api/room/{v}.csv" }), .. board];
        Assert.Equal(room.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/api/messages", paths);
        Assert.DoesNotContain("/api/room/openapi.json", paths);

        // The API still asks for a token everywhere else.
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Client.GetAsync(new Uri("/api/room/mine", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Each_operation_has_an_id_its_parameters_its_answer_and_its_problems()
    {
        var document = await ServedAsync();
        var paths = document["paths"]!;

        var overview = paths["/api/room/overview"]!["get"]!;
        Assert.Equal("getRoomOverview", overview["operationId"]!.GetValue<string>());
        Assert.Equal(["conversation", "tenant"], overview["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("#/components/schemas/OverviewView", overview["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        foreach (var status in new[] { "401", "404", "503" })
        {
            Assert.Equal("#/components/schemas/ProblemDetails", overview["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        }

        Assert.Equal(["conversation", "tenant", "team"], paths["/api/room/risks"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.NotNull(paths["/api/room/risks.csv"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.Equal("getRoomRisksCsv", paths["/api/room/risks.csv"]!["get"]!["operationId"]!.GetValue<string>());
        var mine = paths["/api/room/mine"]!["get"]!;
        Assert.Null(mine["parameters"]);
        Assert.Equal(["200", "401"], mine["responses"]!.AsObject().Select(r => r.Key));

        var scheme = document["components"]!["securitySchemes"]![RoomOpenApi.TeamsSso]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]![RoomOpenApi.TeamsSso]);
    }

    [Fact]
    public async Task The_schemas_are_the_json_the_endpoints_write_nullable_where_null_is_written_and_numbers_as_numbers()
    {
        var schemas = (await ServedAsync())["components"]!["schemas"]!.AsObject();

        // The endpoints write with RoomJsonContext's own options; the document is made through the app's HTTP JSON options.
        foreach (var (name, schema) in schemas.Where(s => s.Key != "ProblemDetails"))
        {
            var type = typeof(RoomContext).Assembly.GetType($"{typeof(RoomContext).Namespace}.{name}")
                ?? typeof(BoardView).Assembly.GetType($"{typeof(BoardView).Namespace}.{name}", throwOnError: true)!;
            var written = (RoomJsonContext.Default.GetTypeInfo(type) ?? BoardJsonContext.Default.GetTypeInfo(type))!.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(written, schema!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(written, schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        }

        var vote = schemas["RoomVote"]!["properties"]!;
        Assert.Equal(["null", "string"], vote["team"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("string", vote["scope"]!["type"]!.GetValue<string>());
        Assert.Equal(["null", "number"], vote["average"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("integer", vote["round"]!["type"]!.GetValue<string>());
        Assert.Null(vote["round"]!["pattern"]);
        Assert.Equal(["null", "integer"], schemas["RoomDependency"]!["properties"]!["committed"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("date", schemas["RoomIteration"]!["properties"]!["start"]!["format"]!.GetValue<string>());
        var art = schemas["RoomContext"]!["properties"]!["art"]!["oneOf"]!.AsArray();
        Assert.Equal("null", art[0]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/RoomArt", art[1]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_committed_document_the_page_is_typed_from_is_the_one_the_app_serves()
    {
        var served = await ServedAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, Committed)));

        Assert.True(
            JsonNode.DeepEquals(served, committed),
            $"{Committed} is not what the app serves: build src/ArtBot (it writes the file, and checks the page against it), then commit it.");
    }
}
