namespace ArtBot.Storage;

/// <summary>
/// Table Storage could not be reached (connection refused, no answer within the per-try timeout) after the client's
/// retries: nothing this call asked for was confirmed. The bot tells the user so; background work retries later.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : this("Table Storage did not answer.", null)
    {
    }

    public StorageUnavailableException(string message)
        : this(message, null)
    {
    }

    public StorageUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
