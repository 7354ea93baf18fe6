namespace Coordination.Intake.Domain;

/// <summary>A registration request that passed validation.</summary>
public sealed record NewPetition(
    string? RequestId,
    string Channel,
    string RegionCode,
    string Category,
    string Topic,
    string Summary,
    bool LawRelated,
    IReadOnlyList<string> OtherRegionCodes,
    IReadOnlyList<NewPetitioner> Petitioners,
    DateTimeOffset ReceivedAt)
{
    public int GroupSize { get; init; }
    public bool Collective { get; init; }
    public bool ToBeijing { get; init; }
    public bool SkipLevel { get; init; }
    public bool LeaderInstructed { get; init; }
    public bool LongStandingPetitioner { get; init; }
    public string? AccusedUnit { get; init; }
    public Guid? ReceptionDayId { get; init; }
    public IReadOnlyList<AttachmentRecord> Attachments { get; init; } = [];
}

public sealed record NewPetitioner(string Name, string? IdNumber, string? Phone, bool Representative = false);
