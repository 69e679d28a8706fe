namespace ArtBot.LoadTests;

/// <summary>What one run of the meeting scenario measured (<see cref="MeetingVoteRun"/>).</summary>
public sealed record MeetingRunResult
{
    public int Instances { get; init; }
    public int Viewers { get; init; }

    /// <summary>Ballot requests sent (every person once, every tenth twice).</summary>
    public int Ballots { get; init; }
    public int People { get; init; }
    public int FailedBallots { get; init; }
    public double BurstMs { get; init; }

    /// <summary>The count the API gave when the vote closed.</summary>
    public int Voted { get; init; }
    public int Lost { get; init; }
    public int Doubled { get; init; }

    /// <summary>Per stage: when it first showed every ballot, after the last ballot's answer (negative: before).</summary>
    public IReadOnlyList<double> StageDelaysMs { get; init; } = [];
    public int StageMissed { get; init; }
    public int StageInexact { get; init; }
    public long PollRequests { get; init; }
    public long PollNotModified { get; init; }
    public long PollFailed { get; init; }
    public long PollBytes { get; init; }
    public double PollSeconds { get; init; }
    public double RequestsPerViewerPerSecond { get; init; }

    /// <summary>CPU of the bots (summed) per second with nothing to do.</summary>
    public double BackgroundCpuMsPerSecond { get; init; }

    /// <summary>CPU per poll while only the stages poll, their background subtracted.</summary>
    public double IdleCpuMsPerPoll { get; init; }
    public double IdleNotModifiedShare { get; init; }

    /// <summary>Storage reads per second and instance the polling adds (the background's subtracted).</summary>
    public double IdleStorageReadsPerSecond { get; init; }
    public double IdlePollsPerSecond { get; init; }
    public BotCosts BurstCosts { get; init; } = BotCosts.Zero;
    public long BurstPolls { get; init; }

    /// <summary>From just before the burst until the concern prompts were out.</summary>
    public double BurstSeconds { get; init; }
    public double CpuMsPerBallot { get; init; }
    public int ExpectedRecipients { get; init; }
    public int Recipients { get; init; }
    public bool RecipientsExact { get; init; }
    public int NotificationCalls { get; init; }
    public int NotificationCallBound { get; init; }
    public bool CardAlerted { get; init; }

    public Latencies Stage => new(StageDelaysMs);

    /// <summary>0 lost, 0 doubled, no ballot refused, every stage saw the exact count, p95 within the target, prompts exact.</summary>
    public bool Passed(double stageTargetMs) =>
        Lost == 0 && Doubled == 0 && FailedBallots == 0 && Voted == People && StageMissed == 0 && StageInexact == 0 && PollFailed == 0
        && Stage.Percentile(95) <= stageTargetMs && RecipientsExact && NotificationCalls <= NotificationCallBound && CardAlerted;
}
