namespace Coordination.ServiceDefaults.Persistence;

/// <summary>The state an unroutable row is left in: tried again at <see cref="NextAttemptAt"/>, or quarantined when <see cref="QuarantineReason"/> is set.</summary>
public sealed record OutboxRetry(int Attempts, DateTimeOffset UnroutableSince, DateTimeOffset NextAttemptAt, string? QuarantineReason)
{
    public bool Quarantined => QuarantineReason is not null;
}
