using Coordination.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

/// <summary>A case's trace as the first request for a meeting on it recorded it (the registration's, carried along).</summary>
public sealed class MeetingOrigins(JointMeetingDb db) : ICaseOrigins
{
    public Task<string?> TraceParentAsync(Guid caseId, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.CaseId == caseId && m.TraceParent != null).OrderBy(m => m.ProposedAt)
            .Select(m => m.TraceParent).FirstOrDefaultAsync(ct);
}
