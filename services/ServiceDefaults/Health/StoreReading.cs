namespace Coordination.ServiceDefaults.Health;

/// <summary>
/// What a service's database holds for its gauges: the inbox's size and, where the service keeps deadlines, the limits
/// overdue and under 督办 and how long the most overdue rung has waited for the scanner.
/// </summary>
public sealed record StoreReading(long InboxRows, bool HasDeadlines, long Overdue, long Supervised, double ScannerLagSeconds);
