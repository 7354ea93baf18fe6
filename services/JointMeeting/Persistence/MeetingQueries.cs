using Coordination.ServiceDefaults.Attachments;
using Coordination.JointMeeting.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

/// <summary>Read-side queries: bureaus see meetings in their jurisdiction; anyone else only meetings its unit is invited to.</summary>
public sealed class MeetingQueries(JointMeetingDb db)
{
    /// <summary>Newest first (then by id), after a page's last (proposed at, id).</summary>
    public async Task<IReadOnlyList<Meeting>> VisibleAsync(Caller caller, Guid? caseId, PageKey? after, int take, CancellationToken ct)
    {
        var query = Visible(caller);
        if (caseId is { } id) query = query.Where(m => m.CaseIds.Contains(id) || m.CaseId == id);
        if (after is not null)
        {
            var (at, lastId) = (after.Time(0), after.Id(1));
            query = query.Where(m => m.ProposedAt < at || (m.ProposedAt == at && m.Id.CompareTo(lastId) < 0));
        }
        return await query.OrderByDescending(m => m.ProposedAt).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>The meeting a file belongs to (the meeting itself or one of its action items), if the caller may see it.</summary>
    public Task<Meeting?> OfSubjectAsync(Caller caller, Guid subjectId, CancellationToken ct) =>
        Visible(caller).FirstOrDefaultAsync(m => m.Id == subjectId || m.ActionItems.Any(i => i.Id == subjectId), ct);

    public Task<StoredAttachment?> AttachmentAsync(Guid id, CancellationToken ct) => db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>A meeting's files (its minutes and its items' proofs), oldest first (then by id), after a page's last (uploaded at, id).</summary>
    public async Task<IReadOnlyList<StoredAttachment>> AttachmentsAsync(Meeting meeting, PageKey? after, int take, CancellationToken ct)
    {
        var subjects = meeting.ActionItems.Select(i => i.Id).Append(meeting.Id).ToList();
        var query = db.Attachments.AsNoTracking().Where(a => subjects.Contains(a.SubjectId));
        if (after is not null)
        {
            var (at, id) = (after.Time(0), after.Id(1));
            query = query.Where(a => a.UploadedAt > at || (a.UploadedAt == at && a.Id.CompareTo(id) > 0));
        }
        return await query.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).Take(take).ToListAsync(ct);
    }

    public Task<Meeting?> FindAsync(Caller caller, Guid meetingId, CancellationToken ct) =>
        Visible(caller).FirstOrDefaultAsync(m => m.Id == meetingId, ct);

    private IQueryable<Meeting> Visible(Caller caller)
    {
        var query = db.Meetings.AsNoTracking().Include(m => m.ActionItems);
        if (caller.Is(Roles.Bureau))
        {
            var prefix = caller.JurisdictionPrefix;
            return query.Where(m => m.RegionCode.StartsWith(prefix));
        }
        return query.Where(m => m.Parties.Any(p => p.Code == caller.Unit));
    }
}
