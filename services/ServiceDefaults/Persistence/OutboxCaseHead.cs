namespace Coordination.ServiceDefaults.Persistence;

/// <summary>The lowest sequence of a case's rows that a batch did not claim: none of that case's rows after it may go yet.</summary>
public sealed record OutboxCaseHead(Guid CorrelationId, long Sequence);
