namespace Coordination.Reporting.Domain;

/// <summary>
/// One time limit of a hand-over as the overdue list sees it. Rungs arrive on different queues in any order, so
/// every field only grows: counts add up, instants keep the latest. Overdue while the last 催办 is newer than the
/// last clearing.
/// </summary>
public sealed class OverdueDeadline
{
    public Guid DeadlineId { get; init; }
    public Guid CaseId { get; set; }
    public Guid? AssignmentId { get; set; }
    /// <summary>Whose limit: "assignment" (a hand-over), "legal" (a referral or supervision order), "meeting" (a party's reply or action item).</summary>
    public string Track { get; set; } = "assignment";
    public string Step { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public int Reminders { get; set; }
    public int Urges { get; set; }
    public int Supervisions { get; set; }
    public DateTimeOffset? LastMissedAt { get; set; }
    public DateTimeOffset? LastClearedAt { get; set; }

    public bool Overdue => LastMissedAt is { } missed && (LastClearedAt is not { } cleared || cleared < missed);

    public void Missed(DateTimeOffset dueAt, DateTimeOffset at)
    {
        Urges++;
        if (LastMissedAt is null || at > LastMissedAt) (LastMissedAt, DueAt) = (at, dueAt);
    }

    public void Cleared(DateTimeOffset at)
    {
        if (LastClearedAt is null || at > LastClearedAt) LastClearedAt = at;
    }

    /// <summary>Folds one rung of this limit in; a reminder moves the due date only until the limit was first missed.</summary>
    public void Record(DeadlineRung rung)
    {
        Track = rung.Track;
        switch (rung.Kind)
        {
            case RungKind.Reminded:
                Reminders++;
                if (LastMissedAt is null) DueAt = rung.DueAt;
                break;
            case RungKind.Missed: Missed(rung.DueAt, rung.At); break;
            case RungKind.Supervised: Supervisions++; break;
            case RungKind.Cleared: Cleared(rung.At); break;
        }
    }
}
