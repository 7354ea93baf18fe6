namespace Coordination.ServiceDefaults.Time;

/// <summary>How a ladder escalates: the reminder at a fraction of the limit, 督办 some working days after 催办.</summary>
public sealed record LadderRules(double ReminderFraction, int SupervisionWorkingDays);

/// <summary>
/// One time limit and its escalation ladder (§8, §10): reminder at a fraction of the limit, 催办 when it passes,
/// 督办 some working days later; each fires once, late rather than never. A met limit stops the ladder.
/// </summary>
public sealed class Deadline
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>The subject within the case: an assignment, a referral, a supervision order.</summary>
    public Guid? AssignmentId { get; init; }
    public required string Step { get; init; }
    public required string UnitCode { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset ReminderAt { get; private set; }
    public DateTimeOffset SupervisionAt { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }
    public DateTimeOffset? OverdueSentAt { get; private set; }
    public DateTimeOffset? SupervisionSentAt { get; private set; }
    public DateTimeOffset? MetAt { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    /// <summary>When the scanner must look at this row next; null once nothing is left to do.</summary>
    public DateTimeOffset? NextActionAt { get; private set; }

    /// <summary>PostgreSQL's xmin: the scanner and a user action may both change a limit (OptimisticRetry).</summary>
    public uint Version { get; private set; }

    /// <summary>A timer rather than a duty: when due, the owning service acts (e.g. closes a case); no reminders.</summary>
    public bool IsTimer { get; init; }

    /// <summary>How the limit was counted from StartedAt (working days or days); null for a limit set as a date, moved or resumed.</summary>
    public string? TermKind { get; private set; }
    public int? TermDays { get; private set; }
    /// <summary>The ladder it was scheduled with, to schedule it again when the calendar changes.</summary>
    public double ReminderFraction { get; private set; } = 0.8;
    public int SupervisionWorkingDays { get; private set; } = 5;

    /// <summary>
    /// The trace of the action that started the limit (W3C traceparent), normally the case's: each rung the scanner fires
    /// later links to it, so a case's reminders, 催办 and 督办 are found from its trace.
    /// </summary>
    public string? TraceParent { get; init; }

    public static Deadline Start(Guid caseId, Guid? assignmentId, string step, string unit, DateTimeOffset startedAt, DateTimeOffset dueAt,
        LadderRules rules, BusinessCalendar calendar, bool isTimer = false, DeadlineTerm? term = null)
    {
        var deadline = new Deadline
        {
            Id = Guid.NewGuid(), CaseId = caseId, AssignmentId = assignmentId, Step = step, UnitCode = unit, StartedAt = startedAt, IsTimer = isTimer,
            TermKind = term?.Kind, TermDays = term?.Days, TraceParent = System.Diagnostics.Activity.Current?.Id,
        };
        deadline.Schedule(dueAt, rules, calendar);
        return deadline;
    }

    /// <summary>催办 was sent and the limit is still open: meeting or moving it takes it off the overdue list.</summary>
    public bool Overdue => OverdueSentAt is not null && MetAt is null && !IsTimer;

    public void Meet(DateTimeOffset at)
    {
        MetAt ??= at;
        NextActionAt = null;
    }

    /// <summary>An approved extension moves the limit; the ladder restarts against the new limit.</summary>
    public void MoveDue(DateTimeOffset dueAt, LadderRules rules, BusinessCalendar calendar)
    {
        (ReminderSentAt, OverdueSentAt, SupervisionSentAt) = (null, null, null);
        (TermKind, TermDays) = (null, null); // an instant now, not a count from the start
        Schedule(dueAt, rules, calendar);
    }

    /// <summary>A hearing stops the clock (re-review); resuming adds the paused time to the limit.</summary>
    public void Pause(DateTimeOffset at)
    {
        if (MetAt is not null || PausedAt is not null) return;
        PausedAt = at;
        NextActionAt = null;
    }

    public void Resume(DateTimeOffset at, LadderRules rules, BusinessCalendar calendar)
    {
        if (PausedAt is not { } paused) return;
        PausedAt = null;
        (TermKind, TermDays) = (null, null);
        Schedule(DueAt + (at - paused), rules, calendar); // rungs already fired stay fired
    }

    /// <summary>
    /// The working calendar changed (ADR 19): a limit that has not passed is counted again from its start (when it was a
    /// count of days) and its 督办 day again; a passed, met or paused limit stays as it was. True if anything moved.
    /// </summary>
    public bool Replan(BusinessCalendar calendar, DateTimeOffset now)
    {
        if (MetAt is not null || PausedAt is not null || DueAt <= now || OverdueSentAt is not null) return false;
        var due = TermKind is { } kind && TermDays is { } days ? new DeadlineTerm(kind, days).DueFrom(StartedAt, calendar) : DueAt;
        var supervision = calendar.AfterWorkingDays(due, SupervisionWorkingDays);
        if (due == DueAt && supervision == SupervisionAt) return false;
        Schedule(due, new LadderRules(ReminderFraction, SupervisionWorkingDays), calendar);
        return true;
    }

    /// <summary>Takes every rung whose time has come and that has not fired yet, in order.</summary>
    public IReadOnlyList<string> TakeDueActions(DateTimeOffset now)
    {
        var actions = new List<string>();
        if (MetAt is not null || PausedAt is not null) return actions;
        if (IsTimer)
        {
            if (now >= DueAt) { actions.Add(DeadlineActions.TimerFired); MetAt = now; }
        }
        else
        {
            if (ReminderSentAt is null && now >= ReminderAt) { actions.Add(DeadlineActions.Remind); ReminderSentAt = now; }
            if (OverdueSentAt is null && now >= DueAt) { actions.Add(DeadlineActions.Urge); OverdueSentAt = now; }
            if (SupervisionSentAt is null && now >= SupervisionAt) { actions.Add(DeadlineActions.Supervise); SupervisionSentAt = now; }
        }
        NextActionAt = NextAction();
        return actions;
    }

    private void Schedule(DateTimeOffset dueAt, LadderRules rules, BusinessCalendar calendar)
    {
        DueAt = dueAt;
        (ReminderFraction, SupervisionWorkingDays) = (rules.ReminderFraction, rules.SupervisionWorkingDays);
        ReminderAt = StartedAt + (dueAt - StartedAt) * rules.ReminderFraction;
        // 催办 at the start of the day after the limit (DueAt); 督办 that many working days later.
        SupervisionAt = calendar.AfterWorkingDays(dueAt, rules.SupervisionWorkingDays);
        NextActionAt = NextAction();
    }

    private DateTimeOffset? NextAction()
    {
        if (MetAt is not null || PausedAt is not null) return null;
        if (IsTimer) return DueAt;
        if (ReminderSentAt is null) return ReminderAt;
        if (OverdueSentAt is null) return DueAt;
        if (SupervisionSentAt is null) return SupervisionAt;
        return null;
    }
}

public static class DeadlineActions
{
    public const string Remind = "remind";
    public const string Urge = "urge";
    public const string Supervise = "supervise";
    public const string TimerFired = "timer_fired";
}
