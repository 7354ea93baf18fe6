using Coordination.Console.Display;
using Coordination.Grpc.Reporting;
using Grpc.Core;

namespace Coordination.Console.Downloads;

/// <summary>The leader's and the bureau's report tables, read from Reporting with the caller's token; the page and the downloads share them.</summary>
public static class ReportTables
{
    public static readonly string[] Names = ["beijing-bulletin", "key-counties", "reception-compliance", "overdue"];

    public static async Task<Table?> ReadAsync(ReportingService.ReportingServiceClient reporting, string name, string month, Metadata headers, CancellationToken ct) => name switch
    {
        "beijing-bulletin" => Bulletin(await reporting.GetBeijingBulletinAsync(new GetBeijingBulletinRequest { Month = month }, headers, cancellationToken: ct), month),
        "key-counties" => KeyCounties(await reporting.GetKeyManagedCountiesAsync(new GetKeyManagedCountiesRequest { AsOfMonth = month }, headers, cancellationToken: ct)),
        "reception-compliance" => Compliance(await reporting.GetReceptionComplianceAsync(new GetReceptionComplianceRequest { Month = month }, headers, cancellationToken: ct)),
        "overdue" => Overdue(await reporting.GetOverdueListAsync(new GetOverdueListRequest(), headers, cancellationToken: ct)),
        _ => null,
    };

    public static Table Bulletin(GetBeijingBulletinResponse bulletin, string month) => new($"进京访通报-{month}",
        ["地区", "批次", "人数", "集体访批次", "个体访批次", "排名", "上月批次", "去年同月批次", "环比(%)", "同比(%)"],
        bulletin.Regions.Select(r => (IReadOnlyList<object?>)
        [
            r.RegionCode, r.Batches, r.People, r.CollectiveBatches, r.IndividualBatches, r.Rank, r.PreviousMonthBatches, r.SameMonthLastYearBatches,
            r.HasMonthOnMonthPercent ? Math.Round(r.MonthOnMonthPercent, 1) : null, r.HasYearOnYearPercent ? Math.Round(r.YearOnYearPercent, 1) : null,
        ]).ToList());

    public static Table KeyCounties(GetKeyManagedCountiesResponse counties) => new($"重点管理县-{counties.AsOfMonth}",
        ["县（区）", "进京批次", "人数", "集体访批次", "有访月数", "当月批次"],
        counties.Counties.Select(c => (IReadOnlyList<object?>)[c.RegionCode, c.Batches, c.People, c.CollectiveBatches, c.ActiveMonths, c.LastMonthBatches]).ToList());

    public static Table Compliance(GetReceptionComplianceResponse compliance) => new($"领导接待日-{compliance.Month}",
        ["领导", "层级", "地区", "已接待次数", "最低次数", "达标", "接待件数", "已答复件数", "全部答复"],
        compliance.Leaders.Select(l => (IReadOnlyList<object?>)
            [l.LeaderName, l.Level, l.RegionCode, l.SessionsHeld, l.Minimum, l.Compliant, l.CasesReceived, l.CasesAnswered, l.AllAnswered]).ToList());

    public static Table Overdue(GetOverdueListResponse overdue) => new("逾期清单",
        ["信访件编号", "单位", "责任人", "环节", "到期", "逾期天数", "提醒", "催办", "督办"],
        overdue.Items.Select(i => (IReadOnlyList<object?>)
            [i.CaseNumber, i.UnitCode, i.ResponsiblePerson, Labels.Of(i.Step), BeijingTime.Format(i.DueAt), i.DaysOverdue, i.Reminders, i.Urges, i.Supervisions]).ToList());
}
