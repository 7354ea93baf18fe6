using Coordination.ServiceDefaults.Recusal;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Assignment.Persistence;

/// <summary>The case of a hand-over (assignment_id, an upload's subject_id), a file (attachment_id) or a 包案 file (ownership_id), for the recusal shield.</summary>
public sealed class AssignmentCaseLocator(AssignmentDb db) : ICaseLocator
{
    public async Task<CaseReference?> LocateAsync(string field, Guid id, CancellationToken ct) => field switch
    {
        "assignment_id" or "subject_id" => new("assignment", await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(a => a.CaseId).ToListAsync(ct)),
        "attachment_id" => new("attachment", await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => a.CaseId).ToListAsync(ct)),
        "ownership_id" => new("ownership", await db.Ownerships.AsNoTracking().Where(o => o.Id == id).Select(o => o.CaseId).ToListAsync(ct)),
        _ => null,
    };
}
