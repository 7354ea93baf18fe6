namespace Coordination.Intake.Domain;

/// <summary>A petitioner as stored: the identity number only hashed (for matching) and masked (for display).</summary>
public sealed class PetitionerRecord
{
    public required string Name { get; init; }
    public string? IdNumberHash { get; init; }
    public string? IdNumberMasked { get; init; }
    public string? Phone { get; init; }
    public bool Representative { get; init; }

    /// <summary>The identity number itself is never kept.</summary>
    public static PetitionerRecord From(NewPetitioner p, IdentityNumbers identities) => new()
    {
        Name = p.Name,
        IdNumberHash = p.IdNumber is null ? null : identities.Hash(p.IdNumber),
        IdNumberMasked = p.IdNumber is null ? null : IdentityNumbers.Mask(p.IdNumber),
        Phone = p.Phone,
        Representative = p.Representative,
    };
}
