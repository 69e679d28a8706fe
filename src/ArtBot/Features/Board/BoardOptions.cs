namespace ArtBot.Features.Board;

/// <summary>Settings of the program board (<c>Board:*</c>).</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>How old a board read may be when an instance answers a poll (the page polls every second).</summary>
    public TimeSpan LiveStateAge { get; set; } = TimeSpan.FromMilliseconds(500);
}
