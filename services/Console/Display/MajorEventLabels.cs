namespace Coordination.Console.Display;

/// <summary>The Chinese names of major events' and accountability files' codes (§11, §5, §9); an unknown code is shown as it is.</summary>
public static class MajorEventLabels
{
    public static readonly IReadOnlyList<(string Code, string Name)> Kinds =
        [("collective_visit", "规模较大集体访"), ("to_beijing", "去京上访"), ("to_provincial_capital", "来省上访"), ("sudden_incident", "异常突发事件")];
    public static readonly IReadOnlyList<(string Code, string Name)> Levels = [("county", "县级"), ("city", "市级"), ("province", "省级"), ("central", "中央")];
    public static readonly IReadOnlyList<(string Code, string Name)> Destinations = [("beijing", "北京"), ("provincial_capital", "省会")];
    public static readonly IReadOnlyList<(string Code, string Name)> Outcomes = [("returned", "劝返"), ("received", "接返"), ("not_returned", "未返回")];
    public static readonly IReadOnlyList<(string Code, string Name)> Decisions =
        [("criticism", "批评教育"), ("circulated_notice", "通报批评"), ("discipline_referral", "移送纪检监察")];
    public static readonly IReadOnlyList<(string Code, string Name)> Rules =
        [("overdue_after_supervision", "督办后仍逾期"), ("beijing_report_late", "进京案件逾期未报"), ("major_event_unreported", "重大事项未按时报告")];
    public static readonly IReadOnlyList<(string Code, string Name)> Warnings =
        [("region_spike", "地区激增"), ("topic_spike", "事项激增"), ("collective_visit", "集体访"), ("beijing_threshold", "进京批次超限"), ("sensitive_period", "敏感时期")];

    public static string Of(IReadOnlyList<(string Code, string Name)> names, string code) =>
        names.FirstOrDefault(n => n.Code == code).Name ?? code;
}
