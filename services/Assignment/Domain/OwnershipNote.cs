namespace Coordination.Assignment.Domain;

/// <summary>One progress note of an owned case (包案), as recorded.</summary>
public sealed class OwnershipNote
{
    public Guid Id { get; init; }
    public Guid OwnershipId { get; init; }
    public required string Note { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
