using Coordination.Contracts;
using Coordination.Contracts.Assignment;
using Coordination.Contracts.LegalDiversion;

namespace Coordination.Reporting.Domain;

/// <summary>
/// Which events a unit is told of, and in what words: its new hand-overs and suggestions to evaluate, returns decided
/// either way, reports sent back, and every rung of a limit on it (reminder, overdue, supervision: 提醒, 催办, 督办); and for political-legal
/// committees each change of a legal case in their jurisdiction.
/// </summary>
public static class NotificationRules
{
    public static readonly IReadOnlySet<Type> Events = new HashSet<Type>
    {
        typeof(CaseAssigned), typeof(AssignmentReturned), typeof(AssignmentReturnRejected), typeof(ReportSentBack), typeof(SuggestionPassed),
        typeof(DeadlineApproaching), typeof(DeadlineMissed), typeof(SupervisionIssued),
        typeof(LegalDeadlineApproaching), typeof(LegalDeadlineMissed), typeof(LegalSupervisionIssued),
        typeof(Contracts.JointMeeting.MeetingDeadlineApproaching), typeof(Contracts.JointMeeting.MeetingDeadlineMissed),
        typeof(Contracts.JointMeeting.MeetingSupervisionIssued),
        typeof(LegalReferralOpened), typeof(ReferralMade), typeof(ReferralAcknowledged), typeof(ReferralDeclined), typeof(ReferralStatusUpdated),
        typeof(LegalReferralConcluded),
    };

    public static Notice? For(object message) => message switch
    {
        CaseAssigned m => new("assigned", m.UnitCode, m.AssignmentId, $"新交办：{m.CaseNumber}，请于 {Day(m.AcknowledgeDueAt)} 前签收"),
        AssignmentReturned m => new("return_granted", m.UnitCode, m.AssignmentId, $"退回申请已同意：{m.Reason}"),
        AssignmentReturnRejected m => new("return_refused", m.UnitCode, m.AssignmentId, $"退回申请未同意，请继续办理：{m.Reason}"),
        ReportSentBack m => new("report_sent_back", m.UnitCode, m.AssignmentId, $"办结报告被退回重新办理（第 {m.SendBackCount} 次）：{m.Reasons}"),
        SuggestionPassed m => new("suggestion_passed", m.UnitCode, m.CaseId, $"新转交人民建议，请于 {Day(m.EvaluateBy)} 前提出研究意见"),
        IDeadlineRung r => new(RungKind(r.Rung), r.UnitCode, r.SubjectId, $"{RungWord(r.Rung)}：{r.Step} 期限 {Day(r.DueAt)}"),
        LegalReferralOpened m => new("legal_case_changed", null, m.ReferralId, "涉法涉诉案件已导入法定途径"),
        ReferralMade m => new("legal_case_changed", null, m.ReferralId, $"已移交 {m.InstitutionCode}（{m.Channel}）"),
        ReferralAcknowledged m => new("legal_case_changed", null, m.ReferralId, $"{m.InstitutionCode} 已签收：{m.Decision}"),
        ReferralDeclined m => new("legal_case_changed", null, m.ReferralId, $"{m.InstitutionCode} 不予受理"),
        ReferralStatusUpdated m => new("legal_case_changed", null, m.ReferralId, $"{m.InstitutionCode} 进展：{m.Update}"),
        LegalReferralConcluded m => new("legal_case_changed", null, m.ReferralId, $"涉法涉诉案件已终结：{m.Conclusion}"),
        _ => null,
    };

    private static string RungKind(DeadlineRungKind rung) => rung switch
    {
        DeadlineRungKind.Approaching => "reminder",
        DeadlineRungKind.Supervision => "supervision",
        _ => "overdue",
    };

    private static string RungWord(DeadlineRungKind rung) => rung switch
    {
        DeadlineRungKind.Approaching => "期限将至（提醒）",
        DeadlineRungKind.Supervision => "督办",
        _ => "已超期（催办）",
    };

    /// <summary>The day in China Standard Time.</summary>
    private static string Day(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
}
