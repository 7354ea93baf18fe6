namespace Coordination.Console.Display;

/// <summary>Timeline event kinds (Reporting's entries are named after the events) in Chinese.</summary>
public static class TimelineNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["PetitionRegistered"] = "登记", ["PetitionLinkedAsRepeat"] = "重复信访并件", ["PetitionNotAccepted"] = "不予受理",
        ["CaseAssigned"] = "交办", ["CaseRouted"] = "分办", ["CaseQueuedForManualRouting"] = "待人工分办", ["AssignmentAcknowledged"] = "签收",
        ["AssignmentAccepted"] = "告知受理", ["AssignmentReturnRequested"] = "申请退回", ["AssignmentReturned"] = "同意退回",
        ["AssignmentReturnRejected"] = "不同意退回", ["ExtensionRequested"] = "申请延期", ["ExtensionGranted"] = "同意延期", ["ExtensionRefused"] = "不同意延期",
        ["CompletionReportSubmitted"] = "报送办结报告", ["ReportSignedOff"] = "领导签发", ["ReportApproved"] = "审核通过", ["ReportSentBack"] = "退回重办",
        ["ReplySubmitted"] = "答复信访人", ["SatisfactionRated"] = "满意度评价", ["ReviewRequested"] = "申请复查", ["ReviewDecided"] = "复查决定",
        ["HearingStarted"] = "听证开始", ["HearingEnded"] = "听证结束", ["CaseClosed"] = "结案", ["ResponsibilityAssigned"] = "落实责任",
        ["DeadlineApproaching"] = "时限提醒", ["DeadlineMissed"] = "逾期催办", ["SupervisionIssued"] = "督办", ["DeadlineCleared"] = "时限解除",
        ["SuggestionReceived"] = "人民建议登记", ["SuggestionPassed"] = "转交研究", ["SuggestionEvaluated"] = "研究意见", ["SuggestionCommended"] = "表彰建议人",
        ["CaseOwnershipTaken"] = "领导包案", ["OwnershipProgressRecorded"] = "包案进展",
        ["LegalDiversionRequested"] = "导入法律程序", ["JointMeetingRequested"] = "提请联席会议", ["LegalReferralOpened"] = "涉法涉诉立项",
        ["ReferralMade"] = "移交法律机构", ["ReferralAcknowledged"] = "法律机构受理", ["ReferralDeclined"] = "法律机构不予受理",
        ["ReferralStatusUpdated"] = "办理进展", ["LegalReferralConcluded"] = "依法终结", ["CaseMarkedMajor"] = "标记为重大",
        ["SupervisionOrderIssued"] = "下发督办单", ["SupervisionOrderReplied"] = "督办回复", ["LegalAdviceRecorded"] = "法律意见",
        ["JointMeetingRequestedByCommittee"] = "政法委提请联席会议", ["LegalDeadlineApproaching"] = "时限提醒", ["LegalDeadlineMissed"] = "逾期催办",
        ["LegalSupervisionIssued"] = "督办", ["JointMeetingProposed"] = "提议联席会议", ["JointMeetingConvened"] = "召集联席会议",
        ["InvitationAnswered"] = "回复参会", ["PositionSubmitted"] = "提交意见", ["JointMeetingHeld"] = "召开联席会议", ["JointMeetingEscalated"] = "上报",
        ["ActionItemIssued"] = "分派任务", ["ActionItemReplied"] = "任务回告", ["ActionItemAccepted"] = "任务验收", ["ActionItemSentBack"] = "任务退回",
        ["JointMeetingConcluded"] = "联席会议办结", ["MeetingDeadlineApproaching"] = "时限提醒", ["MeetingDeadlineMissed"] = "逾期催办",
        ["MeetingSupervisionIssued"] = "督办",
    };

    public static string Of(string kind) => Names.TryGetValue(kind, out var name) ? name : kind;
}
