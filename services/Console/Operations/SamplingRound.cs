namespace Coordination.Console.Operations;

/// <summary>
/// What one service answered in one round: its metrics and health, or why it could not be read (不可达). A service whose
/// health answers but whose metrics do not (or the reverse) is shown with what it did answer.
/// </summary>
public sealed record ServiceReading(string Service, string Address, MetricsScrape? Metrics, HealthReading? Health, string? Failure)
{
    public bool Reachable => Metrics is not null || Health is not null;
}

/// <summary>One round of the sampler: every service read at about the same moment.</summary>
public sealed record SamplingRound(DateTimeOffset At, IReadOnlyList<ServiceReading> Services)
{
    public ServiceReading? Of(string service) => Services.FirstOrDefault(s => s.Service == service);
}
