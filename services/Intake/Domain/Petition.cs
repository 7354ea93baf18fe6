namespace Coordination.Intake.Domain;

/// <summary>A registered petition (信访件). Intake is its only owner.</summary>
public sealed class Petition
{
    public Guid Id { get; init; }
    public required string CaseNumber { get; init; }
    /// <summary>The client's idempotency key, unique per receiving unit.</summary>
    public string? RequestId { get; init; }
    public required string Channel { get; init; }
    public required string RegionCode { get; init; }
    public required string Category { get; init; }
    public required string Topic { get; init; }
    public required string Summary { get; init; }
    public bool LawRelated { get; init; }
    public List<string> OtherRegionCodes { get; init; } = [];
    public List<PetitionerRecord> Petitioners { get; init; } = [];
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The first receiver (首问负责, §2): answerable until the case ends.</summary>
    public required string ReceivingUnit { get; init; }
    public required string Clerk { get; init; }
}
