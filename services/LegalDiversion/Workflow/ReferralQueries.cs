using Coordination.Grpc.LegalDiversion;
using Coordination.LegalDiversion.Persistence;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using ReferralEntity = Coordination.LegalDiversion.Domain.Referral;
using ReferralView = Coordination.Grpc.LegalDiversion.Referral;

namespace Coordination.LegalDiversion.Workflow;

/// <summary>Who sees which referrals, and the committee's board.</summary>
public sealed class ReferralQueries(LegalDiversionDb db, TimeProvider clock)
{
    private const int PageSize = 500;

    /// <summary>Committees and the bureau: their jurisdiction. Institutions: referrals addressed to them.</summary>
    public static bool CanSee(Caller caller, ReferralEntity r) =>
        caller.Is(Roles.Institution) ? r.InstitutionCode == caller.Unit : caller.Covers(r.RegionCode);

    public async Task<IReadOnlyList<ReferralEntity>> VisibleAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        IQueryable<ReferralEntity> query = db.Referrals.AsNoTracking();
        if (caller.Is(Roles.Institution)) query = query.Where(r => r.InstitutionCode == caller.Unit);
        else
        {
            var prefix = Jurisdiction.Prefix(caller.Region);
            query = query.Where(r => r.RegionCode.StartsWith(prefix));
        }
        if (caseId is { } id) query = query.Where(r => r.CaseId == id);
        return await query.OrderByDescending(r => r.OpenedAt).Take(PageSize).ToListAsync(ct);
    }

    public async Task<Board> BoardAsync(Caller committee, GetBoardRequest filter, CancellationToken ct)
    {
        var all = await VisibleAsync(committee, null, ct);
        var rows = all.Where(r => (filter.Channel.Length == 0 || r.Channel == filter.Channel)
            && (filter.InstitutionCode.Length == 0 || r.InstitutionCode == filter.InstitutionCode)
            && (filter.Status.Length == 0 || r.Status == filter.Status)).ToList();
        var now = clock.GetUtcNow();
        static IEnumerable<BoardCount> Count(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).OrderBy(g => g.Key).Select(g => new BoardCount { Key = g.Key, Count = g.Count() });
        var inProcedure = rows.Where(r => ReferralEntity.InProcedure.Contains(r.Status));
        return new Board
        {
            Referrals = { rows.Select(r => ToView(r, now)) },
            ByChannel = { Count(rows.Select(r => r.Channel ?? "unreferred")) },
            ByStatus = { Count(rows.Select(r => r.Status)) },
            ByInstitution = { Count(rows.Where(r => r.InstitutionCode is not null).Select(r => r.InstitutionCode!)) },
            ByAge = { Count(inProcedure.Select(r => AgeDays(r, now) switch { <= 30 => "0-30", <= 90 => "31-90", _ => "over-90" })) },
        };
    }

    private static int AgeDays(ReferralEntity r, DateTimeOffset now) => (int)((r.ConcludedAt ?? now) - r.OpenedAt).TotalDays;

    public static ReferralView ToView(ReferralEntity r, DateTimeOffset now) => new()
    {
        ReferralId = r.Id.ToString(), CaseId = r.CaseId.ToString(), CaseNumber = r.CaseNumber, RegionCode = r.RegionCode, Status = r.Status,
        OpenedAt = Timestamp.FromDateTimeOffset(r.OpenedAt), Channel = r.Channel ?? "", InstitutionCode = r.InstitutionCode ?? "", LastUpdate = r.LastUpdate ?? "",
        DeclineReasons = r.DeclineReasons ?? "", Major = r.Major, ReferralCount = r.ReferralCount, OutcomeNote = r.OutcomeNote ?? "", AgeDays = AgeDays(r, now),
    };
}
