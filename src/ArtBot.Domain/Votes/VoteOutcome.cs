namespace ArtBot.Domain.Votes;

/// <summary>What a confidence vote means for the plan.</summary>
public enum VoteOutcome
{
    /// <summary>Average 3 or more: management accepts the commitment.</summary>
    CommitmentAccepted,

    /// <summary>Average below 3: the team or ART reworks its plan and votes again.</summary>
    ReworkAndVoteAgain,
}
