namespace Coordination.Contracts.Intake;

/// <summary>
/// A petition was registered with its own case number but not accepted (不予受理), e.g. raised above the competent
/// level while the same matter is pending below (越级). The case is closed at once with this reason.
/// </summary>
public sealed record PetitionNotAccepted
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string RegionCode { get; init; }
    public required string Channel { get; init; }
    public required string ReasonCode { get; init; }
    public required string Notice { get; init; }
    /// <summary>The case pending below, if that is the reason.</summary>
    public Guid? PendingCaseId { get; init; }
    public required string ReceivingUnit { get; init; }
    public required string Clerk { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
