namespace Coordination.Contracts.Directory;

/// <summary>
/// A person is recused from a case (回避, ADR 30): they declared an interest or an administrator recorded one. From now on no
/// service shows them the case or lets them act on it. The reason stays in the Directory. Published by Directory.
/// </summary>
public sealed record PersonRecused
{
    public required string Subject { get; init; }
    public required Guid CaseId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
