using System.Text.Json;

namespace ArtBot.BotFramework.Schema;

/// <summary>
/// The answer to <c>task/fetch</c>, <c>task/submit</c> and message extension action invokes: open (or keep) a
/// dialog (<c>continue</c> with a <see cref="TaskModuleTaskInfo"/>), or show a short message (<c>message</c>).
/// </summary>
public sealed record TaskModuleResponse(TaskModuleStep Task)
{
    public const string ContinueType = "continue";
    public const string MessageType = "message";

    /// <summary>Opens the dialog described by <paramref name="info"/>.</summary>
    public static TaskModuleResponse Continue(TaskModuleTaskInfo info) =>
        new(new TaskModuleStep(ContinueType, JsonSerializer.SerializeToElement(info, BotJsonContext.Default.TaskModuleTaskInfo)));

    /// <summary>Closes the dialog and shows <paramref name="text"/>.</summary>
    public static TaskModuleResponse Message(string text) =>
        new(new TaskModuleStep(MessageType, JsonSerializer.SerializeToElement(text, BotJsonContext.Default.String)));

    /// <summary>This answer as the body of an invoke response (HTTP 200).</summary>
    public InvokeResponse ToInvokeResponse() => new(200, JsonSerializer.SerializeToElement(this, BotJsonContext.Default.TaskModuleResponse));
}

/// <summary>The <c>task</c> of a <see cref="TaskModuleResponse"/>: its type and value (a task info or a text).</summary>
public sealed record TaskModuleStep(string Type, JsonElement? Value);

/// <summary>
/// A dialog: title, size (<c>small</c>, <c>medium</c>, <c>large</c>, or pixels as a number in a string) and an
/// Adaptive Card attachment (or a URL).
/// </summary>
public sealed record TaskModuleTaskInfo
{
    public string? Title { get; init; }
    public string? Height { get; init; }
    public string? Width { get; init; }
    public Attachment? Card { get; init; }
    public string? Url { get; init; }
    public string? FallbackUrl { get; init; }
}
