using Coordination.Grpc.LegalDiversion;
using Google.Protobuf.WellKnownTypes;
using ReferralEntity = Coordination.LegalDiversion.Domain.Referral;
using ReferralView = Coordination.Grpc.LegalDiversion.Referral;
using SupervisionOrderEntity = Coordination.LegalDiversion.Domain.SupervisionOrder;
using SupervisionOrderView = Coordination.Grpc.LegalDiversion.SupervisionOrder;

namespace Coordination.LegalDiversion.Api;

public static class ReferralViews
{
    public static ReferralView ToView(ReferralEntity r, DateTimeOffset now) => new()
    {
        ReferralId = r.Id.ToString(), CaseId = r.CaseId.ToString(), CaseNumber = r.CaseNumber, RegionCode = r.RegionCode, Status = r.Status,
        OpenedAt = Timestamp.FromDateTimeOffset(r.OpenedAt), Channel = r.Channel ?? "", InstitutionCode = r.InstitutionCode ?? "", LastUpdate = r.LastUpdate ?? "",
        DeclineReasons = r.DeclineReasons ?? "", Major = r.Major, ReferralCount = r.ReferralCount, OutcomeNote = r.OutcomeNote ?? "", AgeDays = AgeDays(r, now),
    };

    public static SupervisionOrderView ToView(SupervisionOrderEntity o, bool escalated, DateTimeOffset now) => new()
    {
        OrderId = o.Id.ToString(), ReferralId = o.ReferralId.ToString(), CaseId = o.CaseId.ToString(), AddresseeCode = o.AddresseeCode, Content = o.Content,
        DueAt = Timestamp.FromDateTimeOffset(o.DueAt), Status = o.Status, Reply = o.Reply ?? "", Overdue = o.Status == SupervisionOrderEntity.Issued && now >= o.DueAt,
        Escalated = escalated,
    };

    /// <summary>The committee's board: the filtered referrals counted by channel, status, institution and age in procedure.</summary>
    public static GetBoardResponse ToBoard(IEnumerable<ReferralEntity> visible, GetBoardRequest filter, DateTimeOffset now)
    {
        var rows = visible.Where(r => (filter.Channel.Length == 0 || r.Channel == filter.Channel)
            && (filter.InstitutionCode.Length == 0 || r.InstitutionCode == filter.InstitutionCode)
            && (filter.Status.Length == 0 || r.Status == filter.Status)).ToList();
        static IEnumerable<BoardCount> Count(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).OrderBy(g => g.Key).Select(g => new BoardCount { Key = g.Key, Count = g.Count() });
        var inProcedure = rows.Where(r => ReferralEntity.InProcedure.Contains(r.Status));
        return new GetBoardResponse
        {
            Referrals = { rows.Select(r => ToView(r, now)) },
            ByChannel = { Count(rows.Select(r => r.Channel ?? "unreferred")) },
            ByStatus = { Count(rows.Select(r => r.Status)) },
            ByInstitution = { Count(rows.Where(r => r.InstitutionCode is not null).Select(r => r.InstitutionCode!)) },
            ByAge = { Count(inProcedure.Select(r => AgeDays(r, now) switch { <= 30 => "0-30", <= 90 => "31-90", _ => "over-90" })) },
        };
    }

    private static int AgeDays(ReferralEntity r, DateTimeOffset now) => (int)((r.ConcludedAt ?? now) - r.OpenedAt).TotalDays;
}
