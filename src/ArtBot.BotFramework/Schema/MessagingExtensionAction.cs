using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>
/// The value of a message extension action invoke (<c>composeExtension/fetchTask</c>, <c>composeExtension/submitAction</c>):
/// the manifest command, where it was started (<c>message</c>, <c>compose</c>, <c>commandBox</c>), the message it was
/// started from (message context), and for a submit the dialog's inputs in <see cref="Data"/>.
/// </summary>
public sealed record MessagingExtensionAction
{
    public const string FetchTaskInvoke = "composeExtension/fetchTask";
    public const string SubmitActionInvoke = "composeExtension/submitAction";

    public string? CommandId { get; init; }
    public string? CommandContext { get; init; }
    /// <summary><c>edit</c> or <c>send</c> when a bot message preview is answered; null otherwise.</summary>
    public string? BotMessagePreviewAction { get; init; }
    public JsonElement? Data { get; init; }
    public MessageActionsPayload? MessagePayload { get; init; }
    public TaskModuleRequestContext? Context { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The client context of a dialog request: the Teams theme (<c>default</c>, <c>dark</c>, <c>contrast</c>).</summary>
public sealed record TaskModuleRequestContext
{
    public string? Theme { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The message a message action was started from, in the Microsoft Graph chatMessage shape Teams sends.</summary>
public sealed record MessageActionsPayload
{
    public string? Id { get; init; }
    public string? ReplyToId { get; init; }
    public string? MessageType { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
    public DateTimeOffset? LastModifiedDateTime { get; init; }
    public bool? Deleted { get; init; }
    public string? Subject { get; init; }
    public string? Summary { get; init; }
    public string? Importance { get; init; }
    public string? Locale { get; init; }
    /// <summary>A deep link to the message in Teams.</summary>
    public string? LinkToMessage { get; init; }
    public MessageActionsPayloadFrom? From { get; init; }
    public MessageActionsPayloadBody? Body { get; init; }
    public string? AttachmentLayout { get; init; }
    public IList<JsonElement>? Attachments { get; init; }
    public IList<MessageActionsPayloadMention>? Mentions { get; init; }
    public IList<JsonElement>? Reactions { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The sender of a <see cref="MessageActionsPayload"/>: a user or an application (a bot).</summary>
public sealed record MessageActionsPayloadFrom
{
    public MessageActionsPayloadUser? User { get; init; }
    public MessageActionsPayloadUser? Application { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A user or application in a message payload; <see cref="Id"/> is the Entra object id for users.</summary>
public sealed record MessageActionsPayloadUser
{
    public string? UserIdentityType { get; init; }
    public string? ApplicationIdentityType { get; init; }
    public string? Id { get; init; }
    public string? DisplayName { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The body of a message payload: <c>html</c> or <c>text</c> content.</summary>
public sealed record MessageActionsPayloadBody
{
    public string? ContentType { get; init; }
    public string? Content { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A mention in a message payload.</summary>
public sealed record MessageActionsPayloadMention
{
    public int? Id { get; init; }
    public string? MentionText { get; init; }
    public MessageActionsPayloadFrom? Mentioned { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
