namespace ArtBot.Domain.Votes;

/// <summary>The fist-of-five scale: 1 (no confidence) to 5 (very confident).</summary>
public static class VoteScale
{
    public const int Min = 1;
    public const int Max = 5;

    public static bool IsValid(int value) => value is >= Min and <= Max;

    /// <summary>What <paramref name="value"/> fingers mean.</summary>
    public static string Meaning(int value) => value switch
    {
        5 => VoteRuleStrings.Meaning5,
        4 => VoteRuleStrings.Meaning4,
        3 => VoteRuleStrings.Meaning3,
        2 => VoteRuleStrings.Meaning2,
        1 => VoteRuleStrings.Meaning1,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "A vote is 1 to 5."),
    };

    /// <summary>Voters choosing this value are invited to voice their concern.</summary>
    public static bool InvitesConcern(int value) => value is 1 or 2;
}
