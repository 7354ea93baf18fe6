namespace Coordination.IntegrationTests.Fixtures;

/// <summary>An outbox row as a test writes it (OutboxRows), bad rows included; one with NotBefore is not due until then.</summary>
public sealed record OutboxRow(Guid Id, string MessageType, string Body, Guid? CaseId, DateTimeOffset? NotBefore = null);
