namespace Coordination.IntegrationTests.Fixtures;

/// <summary>An event only the outbox tests publish and consume: the Number says its place among its case's events.</summary>
public sealed record OutboxProbeEvent(Guid CaseId, int Number);
