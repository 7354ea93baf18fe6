using Coordination.ServiceDefaults.Recusal;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>The case of a hand-over (assignment_id, an upload's subject_id), a file (attachment_id) a 包案 file (ownership_id), a major event, its dispatches or an accountability file, for the recusal shield.</summary>
public sealed class AssignmentCaseLocator(AssignmentDb db) : ICaseLocator
{
    public async Task<CaseReference?> LocateAsync(string field, Guid id, CancellationToken ct) => field switch
    {
        "assignment_id" or "subject_id" => new("assignment", await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(a => a.CaseId).ToListAsync(ct)),
        "attachment_id" => new("attachment", await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => a.CaseId).ToListAsync(ct)),
        "ownership_id" => new("ownership", await db.Ownerships.AsNoTracking().Where(o => o.Id == id).Select(o => o.CaseId).ToListAsync(ct)),
        "major_event_id" => new("major event", await db.MajorEvents.AsNoTracking().Where(e => e.Id == id).Select(e => e.CaseId).ToListAsync(ct)),
        "dispatch_id" => new("dispatch", await db.MajorEvents.AsNoTracking().Where(e => e.Dispatches.Any(d => d.Id == id)).Select(e => e.CaseId).ToListAsync(ct)),
        "file_id" => new("accountability file", await db.AccountabilityFiles.AsNoTracking().Where(f => f.Id == id).Select(f => f.CaseId).ToListAsync(ct)),
        _ => null,
    };
}
