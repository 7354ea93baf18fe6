namespace Coordination.Contracts.Intake;

/// <summary>
/// A petition by the same person about the same matter as an open or recent case (重信重访) was registered and
/// linked to that case instead of opening a new one. CaseId is the earlier case.
/// </summary>
public sealed record PetitionLinkedAsRepeat
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required Guid RegistrationId { get; init; }
    public required string Channel { get; init; }
    public required string RegionCode { get; init; }
    public required int GroupSize { get; init; }
    public required bool ToBeijing { get; init; }
    public required double Similarity { get; init; }
    public required string ReceivingUnit { get; init; }
    public required string Clerk { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
