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

    // Added for intake's full registration; optional, so older messages still read.
    /// <summary>People in the group; 5 or more makes a collective visit (集体访).</summary>
    public int GroupSize { get; init; }
    public bool Collective { get; init; }
    public bool ToBeijing { get; init; }
    public bool SkipLevel { get; init; }
    public bool LeaderInstructed { get; init; }
    public bool LongStandingPetitioner { get; init; }
    /// <summary>For accusations: the accused unit, which must never receive the case.</summary>
    public string? AccusedUnit { get; init; }
    public Guid? ReceptionDayId { get; init; }
}
