using Coordination.Grpc.JointMeeting;
using Coordination.JointMeeting.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.JointMeeting.Api;

public sealed class JointMeetingGrpcService(JointMeetingDb db) : JointMeetingApi.JointMeetingApiBase
{
    private const int PageSize = 200;

    public override async Task<ListMeetingsReply> ListMeetings(ListMeetingsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Bureau);
        var errors = new FieldErrors();
        var caseId = request.CaseId.Length == 0 ? (Guid?)null : errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var prefix = Jurisdiction.Prefix(caller.Region);
        var query = db.Meetings.AsNoTracking().Where(m => m.RegionCode.StartsWith(prefix));
        if (caseId is { } id) query = query.Where(m => m.CaseId == id);
        var rows = await query.OrderByDescending(m => m.ProposedAt).Take(PageSize).ToListAsync(context.CancellationToken);
        return new ListMeetingsReply
        {
            Meetings =
            {
                rows.Select(m => new Meeting
                {
                    MeetingId = m.Id.ToString(), CaseId = m.CaseId.ToString(), CaseNumber = m.CaseNumber, RegionCode = m.RegionCode,
                    RegionCodes = { m.RegionCodes }, Status = m.Status, Reason = m.Reason, ProposedAt = Timestamp.FromDateTimeOffset(m.ProposedAt),
                }),
            },
        };
    }
}
