using ArtBot.BotFramework.Hosting;
using ArtBot.Storage;
using Azure;

namespace ArtBot.Hosting;

/// <summary>
/// Tells the user when a turn failed because Table Storage was unreachable or failing (the bounded calls of
/// <see cref="StorageClientOptions"/> gave up, or storage answered 5xx): what happened, and that nothing was recorded.
/// </summary>
public sealed class StorageFailureDescriber : ITurnFailureDescriber
{
    public const string Code = "StorageUnavailable";

    /// <summary>What the user is told, in their language (read when the failure is described, inside the turn).</summary>
    public static string Message => HostingStrings.StorageUnavailable;

    public TurnFailure? Describe(Exception exception) => IsStorageFault(exception) ? new TurnFailure(Code, Message) : null;

    private static bool IsStorageFault(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        RequestFailedException { Status: >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsStorageFault),
        _ => exception.InnerException is { } inner && IsStorageFault(inner),
    };
}
