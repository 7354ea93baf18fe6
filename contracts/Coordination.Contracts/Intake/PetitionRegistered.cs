namespace Coordination.Contracts.Intake;

/// <summary>A petition was registered and got its case number. Published by Intake.</summary>
public sealed record PetitionRegistered
{
    public required Guid CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string Channel { get; init; }
    public required string RegionCode { get; init; }
    public required string Category { get; init; }
    public required string Topic { get; init; }
    public required string Summary { get; init; }
    public required int PetitionerCount { get; init; }
    public required bool LawRelated { get; init; }
    /// <summary>Other regions the matter involves; any makes the case cross-region.</summary>
    public IReadOnlyList<string> OtherRegionCodes { get; init; } = [];
    public required string ReceivingUnit { get; init; }
    public required string Clerk { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
