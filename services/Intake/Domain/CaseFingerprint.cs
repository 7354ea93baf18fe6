namespace Coordination.Intake.Domain;

/// <summary>What repeat matching needs of an earlier case.</summary>
public sealed record CaseFingerprint(
    Guid CaseId, string CaseNumber, string Topic, string MatterText, int ReceivingLevel, string ReceivingUnit, DateTimeOffset RegisteredAt);
