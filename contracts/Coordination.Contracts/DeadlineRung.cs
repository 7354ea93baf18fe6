namespace Coordination.Contracts;

/// <summary>
/// One rung of a time limit's ladder (DOMAIN.md: reminder at 80 %, 催办 when it passes, 督办 five working days later,
/// and the limit cleared when met late or extended), whichever service owns the limit. Each service publishes its
/// own events in its own namespace; this is the shape they share, so a reader folds every ladder the same way.
/// Implemented explicitly: it adds nothing to a message on the wire.
/// </summary>
public interface IDeadlineRung
{
    Guid CaseId { get; }
    Guid? DeadlineId { get; }
    /// <summary>What the limit is on, where the message says: the hand-over (Assignment), the referral or the meeting.</summary>
    Guid? SubjectId { get; }
    /// <summary>The limit's step, e.g. acknowledge, handling, referral_acknowledge, meeting_position.</summary>
    string Step { get; }
    /// <summary>The unit the limit is on (the hand-over's unit, the institution or addressee, the meeting party).</summary>
    string UnitCode { get; }
    DateTimeOffset DueAt { get; }
    DateTimeOffset OccurredAt { get; }
    DeadlineRungKind Rung { get; }
}

public enum DeadlineRungKind
{
    /// <summary>At 80 % of the limit.</summary>
    Approaching,
    /// <summary>催办: the day after the limit passed.</summary>
    Missed,
    /// <summary>督办: still late five working days after the limit.</summary>
    Supervision,
    /// <summary>A passed limit met late or moved by an extension: no longer overdue.</summary>
    Cleared,
}
