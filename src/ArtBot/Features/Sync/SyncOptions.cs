namespace ArtBot.Features.Sync;

/// <summary>Settings of the weekly ART sync scheduler (configuration section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Open impediments older than this many days are listed as ageing in the ART sync summary.</summary>
    public int AgeingImpedimentDays { get; set; } = 14;

    /// <summary>Off: no background scheduler in this instance (tests drive <see cref="SyncScheduler.TickAsync"/> themselves).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often each instance looks for due work.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed delivery is held before another instance may take it over (a crashed instance's claims).
    /// Longer than the slowest send (queue wait, retries with Retry-After).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Sends in flight per fan-out; the connector's limits (50/s per tenant) pace them.</summary>
    public int FanOutConcurrency { get; set; } = 64;

    /// <summary>
    /// Fan-out attempts (retries included) per second per tenant, evenly spaced (<see cref="FanOutPacer"/>), under the
    /// connector client's 50/s tenant limit. 0 turns pacing off. 49.5 leaves 10 ms a second for network jitter: at 50 a
    /// request that arrives late and the one 50 after it that arrives on time share a second, and the service answers 429.
    /// </summary>
    public double FanOutPerSecond { get; set; } = 49.5;

    /// <summary>
    /// How long before its paced slot a first attempt may record its "sending" marker in storage. The send itself then
    /// leaves at the slot: a storage round trip after the slot would make it arrive late by a varying few to tens of
    /// milliseconds, and (see <see cref="FanOutPerSecond"/>) a late arrival draws a 429 one second later.
    /// </summary>
    public TimeSpan FanOutPrepareAhead { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Retries of one fan-out send after 429/412/5xx (each paced, after Retry-After) before the delivery counts as failed for this pass.</summary>
    public int SendRetries { get; set; } = 4;

    /// <summary>Attempts per delivery before it is given up (throttled or failed sends are retried on later ticks).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before a failed delivery is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before a throttled delivery (429 still after the connector client's own retries) is tried again, unless the service asked for longer.</summary>
    public TimeSpan ThrottledRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Passes one fan-out makes over deliveries that failed and are due again, before leaving them to later ticks.</summary>
    public int MaxPasses { get; set; } = 5;

    /// <summary>
    /// How long after an interrupted send's "sending" marker its channel is searched for the post (Microsoft Graph lists a
    /// new message after a short delay), when Graph is on (<see cref="IPostedMessages"/>).
    /// </summary>
    public TimeSpan PostSearchDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Names this instance in claim rows. Default: a fresh id per process, so a restarted process waits out
    /// <see cref="ClaimLease"/> for the claims its predecessor left. Set a stable id (e.g. a StatefulSet pod name, a
    /// container restarted in place) and a restarted process takes over its predecessor's claims at start-up instead.
    /// It must name one process at a time: two processes running at once under one id would take each other's claims
    /// (so not App Service's <c>WEBSITE_INSTANCE_ID</c>, whose overlapped recycling runs the old and new process together).
    /// </summary>
    public string InstanceId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>This process's run of <see cref="InstanceId"/>: fresh for every options instance (not a setting).</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Who this instance's claims belong to.</summary>
    public Domain.Sync.ClaimOwner Owner => new(InstanceId, RunId);
}
