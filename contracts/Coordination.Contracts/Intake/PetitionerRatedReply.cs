namespace Coordination.Contracts.Intake;

/// <summary>
/// The petitioner rated the answer themselves, with the query code and its second factor (self-service). Intake checked
/// who they are; Assignment owns the rating and records it (SatisfactionRated, ByPetitioner) or refuses it
/// (PetitionerRequestRefused).
/// </summary>
public sealed record PetitionerRatedReply
{
    public required Guid CaseId { get; init; }
    /// <summary>satisfied, basically_satisfied or dissatisfied.</summary>
    public required string Rating { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
