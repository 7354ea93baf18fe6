using Coordination.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>A case's trace as Assignment opened its handling (the registration's).</summary>
public sealed class HandlingCaseOrigins(AssignmentDb db) : ICaseOrigins
{
    public Task<string?> TraceParentAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.TraceParent).SingleOrDefaultAsync(ct);
}
