namespace Coordination.ServiceDefaults.Persistence;

/// <summary>One row's outcome; <see cref="Reason"/> for what was not published, <see cref="Error"/> for a broker failure.</summary>
public sealed record OutboxRowResult(OutboxMessage Row, OutboxRowOutcome Outcome, string? Reason = null, Exception? Error = null);
