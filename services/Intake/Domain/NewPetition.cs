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
    DateTimeOffset ReceivedAt);

public sealed record NewPetitioner(string Name, string? IdNumber, string? Phone);
