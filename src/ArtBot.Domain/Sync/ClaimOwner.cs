namespace ArtBot.Domain.Sync;

/// <summary>
/// Who takes a delivery claim: the instance (<c>Sync:InstanceId</c>) and this process's run of it (a fresh id per
/// process start). Two processes must never run under one instance id at the same time; a process restarted under the
/// same id (a container restarted in place) may then take over its earlier run's claims at once, not after the lease.
/// </summary>
public sealed record ClaimOwner(string Instance, string Run);
