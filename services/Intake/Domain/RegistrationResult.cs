namespace Coordination.Intake.Domain;

public sealed record RegistrationResult(Guid CaseId, string CaseNumber, bool Replayed);
