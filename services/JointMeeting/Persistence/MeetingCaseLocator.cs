using Coordination.ServiceDefaults.Recusal;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Persistence;

/// <summary>
/// The cases of a meeting (meeting_id), of an action item's meeting (item_id), of an upload's meeting or item
/// (subject_id) and of a file's (attachment_id), for the recusal shield: one case of a meeting is enough to keep a
/// recused person out of all of it.
/// </summary>
public sealed class MeetingCaseLocator(JointMeetingDb db) : ICaseLocator
{
    public async Task<CaseReference?> LocateAsync(string field, Guid id, CancellationToken ct)
    {
        switch (field)
        {
            case "meeting_id":
                return new("meeting", await CasesOfMeetingAsync(id, ct));
            case "item_id":
                return new("action item", await CasesOfItemAsync(id, ct));
            case "subject_id":
                var ofMeeting = await CasesOfMeetingAsync(id, ct);
                return ofMeeting.Count > 0 ? new("meeting", ofMeeting) : new("action item", await CasesOfItemAsync(id, ct));
            case "attachment_id":
                var subject = await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.SubjectId).SingleOrDefaultAsync(ct);
                if (subject is not { } s) return null;
                var cases = await CasesOfMeetingAsync(s, ct);
                return new("attachment", cases.Count > 0 ? cases : await CasesOfItemAsync(s, ct));
            default:
                return null;
        }
    }

    private async Task<List<Guid>> CasesOfMeetingAsync(Guid meetingId, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.CaseId, m.CaseIds }).ToListAsync(ct))
        .SelectMany(m => m.CaseIds.Append(m.CaseId)).Distinct().ToList();

    private async Task<List<Guid>> CasesOfItemAsync(Guid itemId, CancellationToken ct)
    {
        var meeting = await db.ActionItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => (Guid?)i.MeetingId).SingleOrDefaultAsync(ct);
        return meeting is { } m ? await CasesOfMeetingAsync(m, ct) : [];
    }
}
