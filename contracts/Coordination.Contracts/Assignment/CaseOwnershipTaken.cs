namespace Coordination.Contracts.Assignment;

/// <summary>
/// A leader took ownership (包案, §12) of a long-standing petitioner's case: the handling plan, the units handling it
/// jointly, and a progress note due every <see cref="ProgressEveryWorkingDays"/> working days, first by <see cref="NextProgressDueAt"/>.
/// </summary>
public sealed record CaseOwnershipTaken
{
    public required Guid CaseId { get; init; }
    public required Guid OwnershipId { get; init; }
    /// <summary>The owning leader's login, and name with title as their token gave them.</summary>
    public required string Leader { get; init; }
    public required string LeaderName { get; init; }
    public required string LeaderUnit { get; init; }
    public required string Plan { get; init; }
    public IReadOnlyList<string> JointUnits { get; init; } = [];
    public required int ProgressEveryWorkingDays { get; init; }
    public required DateTimeOffset NextProgressDueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
