using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;

namespace ArtBot.Features.Room;

/// <summary>
/// The ART room API's contract: the OpenAPI document <c>room</c>, made from the <c>/api/room</c> endpoints themselves
/// (their group name, operation ids, parameters and response types) and their source-generated JSON types
/// (<see cref="RoomJsonContext"/>, through the app's HTTP JSON options). Served at <c>/api/room/openapi.json</c>; the build
/// writes it to <c>web/room/api/room.openapi.json</c> and types the tab's page from it (README, "ART room API").
/// </summary>
public static class RoomOpenApi
{
    /// <summary>The document's name, also the endpoints' group name.</summary>
    public const string Document = "room";

    /// <summary>The security scheme's name in the document: a Teams SSO access token as a bearer token.</summary>
    public const string TeamsSso = "teamsSso";

    private static readonly HashSet<string> ModelNamespaces = [typeof(RoomContext).Namespace!, typeof(Board.BoardView).Namespace!];

    private static readonly Dictionary<string, string> ParameterDescriptions = new(StringComparer.Ordinal)
    {
        ["conversation"] = "The Teams channel or chat the tab is in (its id; a thread suffix is ignored). Unknown, or not the signed-in user's: 404.",
        ["tenant"] = "Local development only (no app id): the tenant of a conversation that no ART knows.",
        ["team"] = "Only this team's items: a name from the answer's teams (any case).",
    };

    public static IServiceCollection AddRoomOpenApi(this IServiceCollection services) =>
        services.AddSingleton<RoomOpenApiDocument>().AddOpenApi(Document, options =>
        {
            options.ShouldInclude = description => description.GroupName == Document;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ArtBot ART room API",
                    Version = "1",
                    Description = "The ART room tab's data: JSON views of an ART (a Teams channel or chat) and of the signed-in user, each also as CSV.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[TeamsSso] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The Teams tab's SSO access token (teams-js authentication.getAuthToken) for the bot's app id URI, scope access_as_user. Not asked for in local development (no app id).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TeamsSso, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    parameter.Description ??= ParameterDescriptions.GetValueOrDefault(parameter.Name!);
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // RoomJsonContext writes every property (null where there is no value), so each one is always there.
                if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && ModelNamespaces.Contains(context.JsonTypeInfo.Type.Namespace ?? "") && schema.Properties is { Count: > 0 } properties)
                {
                    schema.Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal);
                }

                // The web defaults read numbers from strings too; this API only answers, and writes numbers as numbers.
                if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
                {
                    schema.Type = type & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>A JSON view's operation: its id, its answer and the problems it may answer with instead.</summary>
    public static RouteHandlerBuilder Json<T>(this RouteHandlerBuilder endpoint, string operationId, bool inConversation = true) =>
        endpoint.WithName(operationId).Produces<T>().Problems(inConversation);

    /// <summary>A view's CSV twin: the same table as a file (English headers).</summary>
    public static RouteHandlerBuilder Csv(this RouteHandlerBuilder endpoint, string operationId, bool inConversation = true) =>
        endpoint.WithName(operationId).Produces<string>(StatusCodes.Status200OK, "text/csv").Problems(inConversation);

    /// <summary>A change: refused as invalid (400), not the user's to make (403), or made from a stale view (409).</summary>
    public static RouteHandlerBuilder Changes(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>An answer without a body of its own: only the room's problems.</summary>
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder endpoint, string operationId) => endpoint.WithName(operationId).Problems(true);

    // Not signed in: 401; a conversation that is not the user's (or unknown): 404; Teams or storage not answering: 503.
    private static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, bool inConversation) =>
        inConversation
            ? endpoint.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            : endpoint.ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>GET <c>/api/room/openapi.json</c>.</summary>
    public static async Task<IResult> ServeAsync(RoomOpenApiDocument document) =>
        Results.Text(await document.JsonAsync(), "application/json; charset=utf-8");
}
