namespace Coordination.Intake.Domain;

/// <summary>The cases one petitioner identity (its keyed hash) has opened.</summary>
public sealed record IdentityCases(string Identity, IReadOnlyList<CaseFingerprint> Cases);
