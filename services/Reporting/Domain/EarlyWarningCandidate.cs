namespace Coordination.Reporting.Domain;

/// <summary>A warning the rules call for; raised unless one of its kind, subject and period was raised before.</summary>
public sealed record EarlyWarningCandidate(string Kind, string RegionCode, string Subject, string Period, string Evidence, Guid? CaseId, DateTimeOffset At);
