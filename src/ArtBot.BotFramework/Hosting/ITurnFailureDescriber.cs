namespace ArtBot.BotFramework.Hosting;

/// <summary>
/// The app's reading of a turn that threw: a failure it recognises (storage unreachable, say) gets an answer that tells the
/// user what happened; anything else gets the generic one. Registered by the app; optional.
/// </summary>
public interface ITurnFailureDescriber
{
    /// <summary>What to tell the user about <paramref name="exception"/>, or null when it is not a recognised failure.</summary>
    TurnFailure? Describe(Exception exception);
}

/// <summary>A recognised failure: a short code (for the card error and telemetry) and the sentence the user reads.</summary>
public sealed record TurnFailure(string Code, string Message);
