namespace Coordination.Intake.Persistence;

/// <summary>
/// How many cases a petitioner identity has opened. Tells whether Redis's copy of that identity's cases is
/// complete (its count matches) or must be re-read from PostgreSQL.
/// </summary>
public sealed class IdentityCounter
{
    public required string IdentityHash { get; init; }
    public int Cases { get; set; }
}
