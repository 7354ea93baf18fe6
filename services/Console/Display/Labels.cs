namespace Coordination.Console.Display;

/// <summary>The services' codes by the Chinese names people use for them; an unknown code is shown as it is.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // hand-overs and cases (Assignment)
        ["pending"] = "待签收", ["acknowledged"] = "已签收", ["accepted"] = "办理中", ["handling"] = "办理中", ["rehandling"] = "重新办理",
        ["return_requested"] = "申请退回", ["returned"] = "已退回", ["report_awaiting_sign_off"] = "待领导签发", ["report_submitted"] = "已报办结",
        ["approved"] = "审核通过", ["completed"] = "已办结", ["sent_back"] = "退回重办", ["replied"] = "已答复", ["closed"] = "已结案",
        ["assigned"] = "已交办", ["awaiting_manual_routing"] = "待人工分办", ["awaiting_joint_meeting"] = "待联席会议", ["diverted_to_legal"] = "已导入法律程序",
        ["diverted"] = "依法终结", ["review_requested"] = "复查申请中", ["review_decided"] = "复查已决定", ["rereview_requested"] = "复核申请中",
        ["registered"] = "已登记", ["repeat"] = "重复件", ["not_accepted"] = "不予受理", ["overdue"] = "逾期", ["supervised"] = "督办",
        ["assignment"] = "交办", ["transfer"] = "转送",
        ["requested"] = "已申请", ["rejected"] = "未批准", ["none"] = "无",
        // report outcomes
        ["resolved"] = "支持", ["explained"] = "解释", ["not_supported"] = "不予支持",
        // referrals (LegalDiversion)
        ["referred"] = "已移交", ["filed"] = "已立案", ["declined"] = "不予受理", ["in_progress"] = "审理中", ["outcome_reported"] = "已报结果",
        ["concluded"] = "依法终结", ["concluded_in_law"] = "依法终结", ["returned_to_petition_track"] = "退回信访渠道", ["open"] = "未办结", ["issued"] = "已下发",
        ["court_litigation"] = "法院诉讼", ["court_appeal"] = "法院申诉", ["procuratorate"] = "检察监督", ["public_security"] = "公安机关",
        ["arbitration"] = "仲裁", ["administrative_reconsideration"] = "行政复议", ["administrative_mediation"] = "行政调解",
        ["peoples_mediation"] = "人民调解", ["legal_aid"] = "法律援助",
        // meetings (JointMeeting)
        ["proposed"] = "已提议", ["convened"] = "已召集", ["held"] = "已召开", ["escalated"] = "已上报", ["invited"] = "未答复",
        ["confirmed"] = "确认参会", ["delegated"] = "委托参会",
        ["item_open"] = "待回告", ["item_replied"] = "已回告", ["item_accepted"] = "已验收",
        // deadline steps
        ["acknowledge"] = "签收时限", ["accept_notice"] = "告知受理时限", ["handle"] = "办理时限", ["review_window"] = "复查申请期", ["major_event_report"] = "重大事项首报时限", ["accountability_check"] = "督办后核查",
        ["suggestion_evaluation"] = "建议研究时限", ["ownership_progress"] = "包案进展时限",
        // people's suggestions (§18) and case ownership (包案, §12)
        ["suggestion"] = "人民建议", ["received"] = "待转交", ["passed"] = "研究中", ["evaluated"] = "已研究", ["commended"] = "已表彰",
        ["adopted"] = "采纳", ["partly_adopted"] = "部分采纳", ["not_adopted"] = "不予采纳",
        // early warnings (Reporting)
        ["region_spike"] = "地区激增", ["topic_spike"] = "事项激增", ["collective_visit"] = "集体访", ["beijing_threshold"] = "进京访超阈值",
        ["sensitive_period"] = "敏感时期",
        // what the services count (运行监控): registration decisions, deadline rungs, service health
        ["NewCase"] = "新立案", ["Repeat"] = "重复信访", ["SkipLevel"] = "越级", ["Final"] = "已终结事项",
        ["remind"] = "提醒", ["urge"] = "催办", ["supervise"] = "督办", ["timer_fired"] = "计时到期",
        ["Healthy"] = "健康", ["Degraded"] = "降级", ["Unhealthy"] = "异常", ["Unreachable"] = "不可达",
        // roles
        ["clerk"] = "登记员", ["department"] = "承办单位", ["institution"] = "法律机构", ["committee"] = "政法委", ["bureau"] = "信访局",
        ["leader"] = "领导", ["administrator"] = "系统管理员",
    };

    public static string Of(string? code) => code is null or "" ? "—" : Names.TryGetValue(code, out var name) ? name : code;
}
