using System.Text.Json;

namespace ArtBot.BotFramework.Schema;

/// <summary>
/// The synchronous answer to an invoke activity: the HTTP status and JSON body of the same POST.
/// </summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    /// <summary>What the Bot Framework answers when no handler took an invoke.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501);
}
