using Coordination.ServiceDefaults.Time;
namespace Coordination.Intake.Domain;

/// <summary>Reasons a petition is registered but not accepted (不予受理), with the notice given to the petitioner.</summary>
public static class NotAcceptance
{
    /// <summary>越级: raised above the competent level while the same matter is pending below.</summary>
    public const string SkipLevelPendingBelow = "SKIP_LEVEL_PENDING_BELOW";

    /// <summary>终结: the matter was closed after re-review; the same facts are not accepted again.</summary>
    public const string FinalAfterReReview = "FINAL_AFTER_REREVIEW";

    public static string FinalNotice(CaseFingerprint closed) =>
        $"您反映的事项已经复核终结（案件编号 {closed.CaseNumber}），根据《信访工作条例》，以同一事实和理由提出的信访事项不再受理。" +
        $" (The matter was closed after re-review under case {closed.CaseNumber}; the same facts are not accepted again.)";

    public static string SkipLevelNotice(CaseFingerprint pending) =>
        $"您反映的事项已由{pending.ReceivingUnit}于{pending.RegisteredAt.ToOffset(WorkingDays.BureauOffset):yyyy年M月d日}登记受理（案件编号 {pending.CaseNumber}），" +
        "正在办理期限内。根据《信访工作条例》，对该事项不再受理，请等待原受理机关的处理意见，或向其查询办理进展。" +
        $" (The matter is being handled by {pending.ReceivingUnit} under case {pending.CaseNumber}; it is not accepted again at a higher level while pending there.)";
}
