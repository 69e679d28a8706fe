namespace ArtBot.DemoTrain;

/// <summary>The one source of chance of a seeding run: every draw in a fixed order, so the same seed gives the same train.</summary>
#pragma warning disable CA5394 // not for security: a fixed seed is the point
public sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public double Between(double min, double max) => min + ((max - min) * _random.NextDouble());

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A normally distributed value (Box-Muller).</summary>
    public double Gaussian(double mean, double deviation)
    {
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
    }

    /// <summary>A time of a working day (9:00 to 17:00).</summary>
    public TimeOnly WorkingTime() => new(9 + _random.Next(8), 5 * _random.Next(12));
}
#pragma warning restore CA5394
