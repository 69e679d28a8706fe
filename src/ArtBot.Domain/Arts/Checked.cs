namespace ArtBot.Domain.Arts;

/// <summary>A checked input: the value, or why it was refused (a message for the user).</summary>
public readonly record struct Checked<T>(T Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>Makes <see cref="Checked{T}"/> values.</summary>
public static class Checked
{
    public static Checked<T> Ok<T>(T value) => new(value, null);

    public static Checked<T> Fail<T>(string error) => new(default!, error);
}
