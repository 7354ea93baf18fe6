namespace Coordination.Intake.Domain;

/// <summary>What a registration answers: the case, the outcome and, for repeats and non-acceptance, why.</summary>
public sealed record RegistrationResult(Petition Registration, Petition? Earlier, bool Replayed)
{
    /// <summary>The case the petition belongs to: its own, or for a repeat the earlier one.</summary>
    public Guid CaseId => Registration.Outcome == Outcomes.Repeat ? Registration.EarlierCaseId!.Value : Registration.Id;
}
