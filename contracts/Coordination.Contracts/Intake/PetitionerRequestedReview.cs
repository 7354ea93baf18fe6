namespace Coordination.Contracts.Intake;

/// <summary>
/// The petitioner asked for review (复查) or re-review (复核) themselves, with the query code and its second factor.
/// Assignment decides whether the window is open (ReviewRequested, ByPetitioner) or not (PetitionerRequestRefused).
/// </summary>
public sealed record PetitionerRequestedReview
{
    public required Guid CaseId { get; init; }
    public required string Reasons { get; init; }
    /// <summary>The first receiver (首问负责), whose bureau answers the review: its decision limit is this unit's.</summary>
    public required string ReceivingUnit { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
