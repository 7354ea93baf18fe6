namespace Coordination.IntegrationTests.Fixtures;

/// <summary>An outbox row as a test writes it (OutboxRows), bad rows included.</summary>
public sealed record OutboxRow(Guid Id, string MessageType, string Body, Guid? CaseId);
