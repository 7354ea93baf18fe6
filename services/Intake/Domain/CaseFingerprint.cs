namespace Coordination.Intake.Domain;

/// <summary>What repeat matching needs of an earlier case: its matter as a MatterPrint, never its text.</summary>
public sealed record CaseFingerprint(
    Guid CaseId, string CaseNumber, string Topic, MatterPrint Matter, int ReceivingLevel, string ReceivingUnit, DateTimeOffset RegisteredAt);
