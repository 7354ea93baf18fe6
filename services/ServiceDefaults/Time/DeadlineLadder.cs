using Coordination.Contracts;
using Coordination.ServiceDefaults.Persistence;

namespace Coordination.ServiceDefaults.Time;

/// <summary>
/// A service's deadline ladder: which of its events each rung is (<see cref="Rung"/>). Which rung an action is, and
/// publishing it with the case's correlation, is decided here once for every service.
/// </summary>
public abstract class DeadlineLadder<TDb> : IDeadlineHandler<TDb> where TDb : ServiceDbContext
{
    /// <summary>The service's own event for this rung of this limit; <paramref name="how"/> is set for Cleared only.</summary>
    protected abstract IDeadlineRung Rung(DeadlineRungKind kind, Deadline deadline, DateTimeOffset now, string? how);

    /// <summary>A rung fired and its event is in the outbox: what else follows in the same transaction; nothing by default.</summary>
    protected virtual Task RungFiredAsync(TDb db, DeadlineRungKind kind, Deadline deadline, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A plain timer (no ladder) came due; nothing by default.</summary>
    protected virtual Task TimerFiredAsync(TDb db, Deadline deadline, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;

    public Task FireAsync(TDb db, Deadline deadline, string action, DateTimeOffset now, CancellationToken ct)
    {
        DeadlineRungKind? kind = action switch
        {
            DeadlineActions.Remind => DeadlineRungKind.Approaching,
            DeadlineActions.Urge => DeadlineRungKind.Missed,
            DeadlineActions.Supervise => DeadlineRungKind.Supervision,
            _ => null,
        };
        if (kind is { } rung)
        {
            db.Publish(Rung(rung, deadline, now, null), deadline.CaseId);
            return RungFiredAsync(db, rung, deadline, now, ct);
        }
        return action == DeadlineActions.TimerFired ? TimerFiredAsync(db, deadline, now, ct) : Task.CompletedTask;
    }

    /// <summary>The working calendar moved these limits; nothing else follows them by default.</summary>
    public virtual Task ReplannedAsync(TDb db, IReadOnlyList<Deadline> moved, BusinessCalendar calendar, DateTimeOffset now, CancellationToken ct) =>
        Task.CompletedTask;

    public void Cleared(TDb db, Deadline deadline, string how, DateTimeOffset now) =>
        db.Publish(Rung(DeadlineRungKind.Cleared, deadline, now, how), deadline.CaseId);
}
