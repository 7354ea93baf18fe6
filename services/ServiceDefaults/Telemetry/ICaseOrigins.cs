namespace Coordination.ServiceDefaults.Telemetry;

/// <summary>
/// Where a case's trace began, as this service recorded it when it first learnt of the case (W3C traceparent; for every
/// service but Intake the registration's, carried along); null for a case it does not know or recorded before traces were kept.
/// </summary>
public interface ICaseOrigins
{
    Task<string?> TraceParentAsync(Guid caseId, CancellationToken ct);
}
