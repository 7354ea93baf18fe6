namespace Coordination.Contracts.Assignment;

/// <summary>The answer was sent to the petitioner; the review window opens.</summary>
public sealed record ReplySubmitted
{
    public required Guid CaseId { get; init; }
    public required string Outcome { get; init; }
    public required string Actor { get; init; }
    /// <summary>The acting user's unit (optional: older messages lack it).</summary>
    public string? ActorUnit { get; init; }
    public required DateTimeOffset ReviewWindowEndsAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The answer as the petitioner reads it (Intake's self-service shows it). Optional: older messages lack it.</summary>
    public string? Answer { get; init; }
}
