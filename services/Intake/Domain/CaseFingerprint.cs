namespace Coordination.Intake.Domain;

/// <summary>What repeat matching needs of an earlier case.</summary>
public sealed record CaseFingerprint(
    Guid CaseId, string CaseNumber, string Topic, string MatterText, int ReceivingLevel, string ReceivingUnit, DateTimeOffset RegisteredAt);

/// <summary>An earlier case that the new petition repeats, and why.</summary>
public sealed record RepeatMatch(CaseFingerprint Earlier, double Similarity, string Explanation);
