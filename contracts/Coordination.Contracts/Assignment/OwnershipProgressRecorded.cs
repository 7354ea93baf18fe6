namespace Coordination.Contracts.Assignment;

/// <summary>The owning leader recorded a periodic progress note on an owned case (包案); the next one is due by <see cref="NextProgressDueAt"/>.</summary>
public sealed record OwnershipProgressRecorded
{
    public required Guid CaseId { get; init; }
    public required Guid OwnershipId { get; init; }
    public required string Note { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public required DateTimeOffset NextProgressDueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
