namespace Coordination.Contracts.Assignment;

/// <summary>The bureau's decision on an accountability file: criticism, circulated notice, or referral to discipline inspection.</summary>
public sealed record AccountabilityDecided
{
    public required Guid FileId { get; init; }
    public required Guid CaseId { get; init; }
    /// <summary>AccountabilityDecisions: criticism, circulated_notice, discipline_referral.</summary>
    public required string Decision { get; init; }
    public required string Reasons { get; init; }
    public required string Unit { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
