namespace Coordination.Intake.Domain;

/// <summary>An earlier case that the new petition repeats, and why.</summary>
public sealed record RepeatMatch(CaseFingerprint Earlier, double Similarity, string Explanation);
