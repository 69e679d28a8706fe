using System.Diagnostics.Metrics;

namespace ArtBot.Hosting.Telemetry;

/// <summary>
/// The <c>ArtBot</c> meter: what the train did, counted without personal data (no names, no texts, no ballot values).
/// </summary>
public sealed class ArtBotMetrics
{
    public const string MeterName = "ArtBot";

    private readonly Counter<long> _ballotsCast;
    private readonly Counter<long> _votesStarted;
    private readonly Counter<long> _votesClosed;
    private readonly Counter<long> _checkInsAnswered;
    private readonly Counter<long> _posts;
    private readonly Counter<long> _impedimentsRaised;
    private readonly Histogram<double> _fanOutDuration;

    public ArtBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _ballotsCast = meter.CreateCounter<long>("artbot.votes.ballots_cast", "{ballot}", "Ballots cast or changed in confidence votes.");
        _votesStarted = meter.CreateCounter<long>("artbot.votes.started", "{vote}", "Confidence votes started.");
        _votesClosed = meter.CreateCounter<long>("artbot.votes.closed", "{vote}", "Confidence votes closed (by a person or at the deadline).");
        _checkInsAnswered = meter.CreateCounter<long>("artbot.sync.checkins_answered", "{answer}", "ART sync check-ins answered or changed.");
        _posts = meter.CreateCounter<long>("artbot.sync.posts", "{post}", "Scheduled ART sync posts by kind (prompt, reminder) and outcome (sent, throttled, failed, unreachable).");
        _impedimentsRaised = meter.CreateCounter<long>("artbot.impediments.raised", "{item}", "Impediments and risks raised.");
        _fanOutDuration = meter.CreateHistogram<double>("artbot.sync.fanout.duration", "s", "Time one ART sync fan-out took, by kind.");
    }

    public void BallotCast(bool anonymous) => _ballotsCast.Add(1, new KeyValuePair<string, object?>("artbot.vote.anonymous", anonymous));

    public void VoteStarted(bool anonymous) => _votesStarted.Add(1, new KeyValuePair<string, object?>("artbot.vote.anonymous", anonymous));

    public void VoteClosed() => _votesClosed.Add(1);

    public void CheckInAnswered() => _checkInsAnswered.Add(1);

    public void Post(string kind, string outcome) =>
        _posts.Add(1, new KeyValuePair<string, object?>("artbot.sync.kind", kind), new KeyValuePair<string, object?>("artbot.sync.outcome", outcome));

    public void ImpedimentRaised(string kind, string source) =>
        _impedimentsRaised.Add(1, new KeyValuePair<string, object?>("artbot.impediment.kind", kind), new KeyValuePair<string, object?>("artbot.impediment.source", source));

    public void FanOutFinished(string kind, TimeSpan duration) =>
        _fanOutDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("artbot.sync.kind", kind));
}
