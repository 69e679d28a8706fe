namespace ArtBot.BotFramework.Http;

/// <summary>
/// The HTTP attempts of one request through a resilience pipeline: how many reached the wire, and whether the current one
/// has. Kept in the request's options, so the caller learns how many requests were made and the retry decision knows
/// whether a failed POST can have been delivered.
/// </summary>
public sealed class OutgoingAttempts
{
    private static readonly HttpRequestOptionsKey<OutgoingAttempts> Key = new("ArtBot.OutgoingAttempts");

    private int _count;
    private volatile bool _onTheWire;

    /// <summary>Attempts that reached the wire (0 = nothing was sent).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Whether the current attempt reached the wire.</summary>
    public bool OnTheWire => _onTheWire;

    /// <summary>Starts counting the attempts of <paramref name="request"/>.</summary>
    public static OutgoingAttempts Track(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempts = new OutgoingAttempts();
        request.Options.Set(Key, attempts);
        return attempts;
    }

    /// <summary>The attempts of <paramref name="request"/>, when they are counted.</summary>
    public static OutgoingAttempts? Of(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(Key, out var attempts) ? attempts : null;
    }

    /// <summary>A new attempt starts: it has not reached the wire yet.</summary>
    public void Starting() => _onTheWire = false;

    /// <summary>The current attempt goes on the wire now.</summary>
    public void Sending()
    {
        _onTheWire = true;
        Interlocked.Increment(ref _count);
    }
}
