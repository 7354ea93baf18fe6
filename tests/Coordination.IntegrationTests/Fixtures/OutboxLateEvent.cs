namespace Coordination.IntegrationTests.Fixtures;

/// <summary>An event published before any queue is bound for it (a first start): the broker returns it.</summary>
public sealed record OutboxLateEvent(Guid CaseId);
