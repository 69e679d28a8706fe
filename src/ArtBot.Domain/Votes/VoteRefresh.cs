namespace ArtBot.Domain.Votes;

/// <summary>Who gets a user-specific view of the shared card through Universal Actions refresh.</summary>
public static class VoteRefresh
{
    /// <summary>Teams refreshes at most 60 users per card.</summary>
    public const int MaxUserIds = 60;

    /// <summary>
    /// The creator first, then the most recent voters of a named vote, at most <see cref="MaxUserIds"/>. An anonymous
    /// vote lists only its creator, so the card never tells who took part. Closed votes need no refresh (empty).
    /// </summary>
    public static IReadOnlyList<string> UserIds(Vote vote, IReadOnlyList<Ballot> ballots)
    {
        if (vote.IsClosed)
        {
            return [];
        }

        var ids = new List<string>(MaxUserIds);
        if (vote.CreatorChannelId is { Length: > 0 } creator)
        {
            ids.Add(creator);
        }

        if (!vote.Anonymous)
        {
            foreach (var ballot in ballots.Where(b => b.ChannelUserId is { Length: > 0 }).OrderByDescending(b => b.CastAt))
            {
                if (ids.Count >= MaxUserIds)
                {
                    break;
                }

                if (!ids.Contains(ballot.ChannelUserId!, StringComparer.Ordinal))
                {
                    ids.Add(ballot.ChannelUserId!);
                }
            }
        }

        return ids;
    }
}
