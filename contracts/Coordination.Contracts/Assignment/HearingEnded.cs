namespace Coordination.Contracts.Assignment;

/// <summary>The hearing ended; the clock runs again with the paused time added.</summary>
public sealed record HearingEnded
{
    public required Guid CaseId { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset DecideBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
