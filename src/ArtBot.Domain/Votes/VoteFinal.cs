namespace ArtBot.Domain.Votes;

/// <summary>
/// The frozen result of a closed vote: the tally, and the receipts of exactly the ballot versions it counted, so a
/// ballot written while the vote closed can learn whether it made it into the result.
/// </summary>
public sealed record VoteFinal(VoteTally Tally, IReadOnlySet<string> Counted)
{
    public bool HasCounted(string receipt) => Counted.Contains(receipt);
}
