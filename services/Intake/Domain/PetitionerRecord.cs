namespace Coordination.Intake.Domain;

/// <summary>A petitioner as stored: the identity number only hashed (for matching) and masked (for display).</summary>
public sealed class PetitionerRecord
{
    public required string Name { get; init; }
    public string? IdNumberHash { get; init; }
    public string? IdNumberMasked { get; init; }
    public string? Phone { get; init; }
    public bool Representative { get; init; }
}
