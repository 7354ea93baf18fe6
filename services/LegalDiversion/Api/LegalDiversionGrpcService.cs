using Coordination.Grpc.LegalDiversion;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.LegalDiversion.Api;

public sealed class LegalDiversionGrpcService(LegalDiversionDb db) : LegalDiversionApi.LegalDiversionApiBase
{
    private const int PageSize = 200;

    public override async Task<ListReferralsReply> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Committee, Roles.Bureau);
        var errors = new FieldErrors();
        var caseId = request.CaseId.Length == 0 ? (Guid?)null : errors.RequireGuid(request.CaseId, "case_id");
        errors.ThrowIfAny();
        var prefix = Jurisdiction.Prefix(caller.Region);
        var query = db.Referrals.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix));
        if (caseId is { } id) query = query.Where(r => r.CaseId == id);
        var rows = await query.OrderByDescending(r => r.OpenedAt).Take(PageSize).ToListAsync(context.CancellationToken);
        return new ListReferralsReply
        {
            Referrals =
            {
                rows.Select(r => new Referral
                {
                    ReferralId = r.Id.ToString(), CaseId = r.CaseId.ToString(), CaseNumber = r.CaseNumber, RegionCode = r.RegionCode,
                    Status = r.Status, OpenedAt = Timestamp.FromDateTimeOffset(r.OpenedAt),
                }),
            },
        };
    }
}
