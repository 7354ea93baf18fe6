namespace Coordination.Directory.Domain;

/// <summary>
/// A person kept away from a case (回避, the 2022 regulation; ADR 30): declared by the person, or recorded by an
/// administrator. Never lifted here: a recusal recorded in error is a matter for a new decision, not an edit.
/// </summary>
public sealed class Recusal
{
    public const string Declared = "declared", Recorded = "recorded";

    public required string Login { get; init; }
    public required Guid CaseId { get; init; }
    public required string Reason { get; init; }
    /// <summary><see cref="Declared"/> by the person, or <see cref="Recorded"/> by an administrator.</summary>
    public required string Source { get; init; }
    /// <summary>The login of whoever declared or recorded it.</summary>
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
