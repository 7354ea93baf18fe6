using Coordination.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Intake.Persistence;

/// <summary>A case's trace is its first petition's (the registration that opened it; its id is the case's).</summary>
public sealed class PetitionOrigins(IntakeDb db) : ICaseOrigins
{
    public Task<string?> TraceParentAsync(Guid caseId, CancellationToken ct) =>
        db.Petitions.AsNoTracking().Where(p => p.Id == caseId).Select(p => p.TraceParent).SingleOrDefaultAsync(ct);
}
