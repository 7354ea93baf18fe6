namespace Coordination.Reporting.Domain;

/// <summary>A rung of a time limit of any service, as the overdue list needs it. Rungs of older messages carry no deadline id.</summary>
public sealed record DeadlineRung(RungKind Kind, string Track, Guid? DeadlineId, Guid CaseId, Guid? AssignmentId, string Step, string Unit,
    DateTimeOffset DueAt, DateTimeOffset At);
