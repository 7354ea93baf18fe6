namespace Coordination.Intake.Domain;

/// <summary>The petitioner's status of a case, as a code and in Chinese, from the petition and its handling.</summary>
public static class ProgressStatus
{
    public static (string Code, string Text) Of(Petition petition, CaseProgress? progress) => (petition, progress) switch
    {
        ({ Outcome: Outcomes.NotAccepted }, _) => ("not_accepted", "不予受理"),
        ({ Status: PetitionStatuses.Closed }, _) => ("closed", "已办结"),
        (_, { Commendation: not null }) => ("suggestion_commended", "建议已被采纳并予以表彰"),
        (_, { SuggestionOutcome: not null } p) => ("suggestion_evaluated", "建议已研究：" + SuggestionOutcomeText(p.SuggestionOutcome!)),
        (_, { Holders.Count: > 0 } p) when p.Holders.Any(h => h.Duty == HolderDuties.EvaluateSuggestion) => ("suggestion_passed", "建议已转有关部门研究"),
        ({ Category: "suggestion" } or { Channel: "peoples_suggestion" }, _) => ("suggestion_received", "建议已登记，待转有关部门研究"),
        (_, { ReviewStage: "rereview", ReviewDecision: null }) => ("rereview_requested", "复核申请已受理，待出具复核意见"),
        (_, { ReviewStage: "review", ReviewDecision: null }) => ("review_requested", "复查申请已受理，待出具复查意见"),
        (_, { ReviewStage: not null }) => ("review_decided", "已出具复查意见"),
        (_, { RepliedAt: not null }) => ("replied", "已答复"),
        (_, { Holders.Count: > 0 } p) when p.Holders.Any(h => h.Duty == HolderDuties.Handle) => ("handling", "办理中"),
        (_, { Holders.Count: > 0 } p) when p.Holders.Any(h => h.Duty == HolderDuties.Accept) => ("acknowledged", "已签收，待告知受理"),
        (_, { Holders.Count: > 0 }) => ("assigned", "已交办，待签收"),
        _ => ("registered", "已登记，待交办"),
    };

    public static string DutyText(string duty) => duty switch
    {
        HolderDuties.Acknowledge => "签收",
        HolderDuties.Accept => "告知受理",
        HolderDuties.Handle => "办结",
        HolderDuties.DecideReview => "出具复查（复核）意见",
        HolderDuties.EvaluateSuggestion => "研究建议并答复",
        _ => duty,
    };

    public static string SuggestionOutcomeText(string outcome) => outcome switch
    {
        "adopted" => "采纳",
        "partly_adopted" => "部分采纳",
        "not_adopted" => "不予采纳",
        _ => outcome,
    };

    public static string RatingText(string rating) => rating switch
    {
        "satisfied" => "满意",
        "basically_satisfied" => "基本满意",
        "dissatisfied" => "不满意",
        _ => rating,
    };

    public static string DecisionText(string decision) => decision switch
    {
        "upheld" => "维持",
        "changed" => "变更",
        "revoked" => "撤销",
        _ => decision,
    };

    /// <summary>Why Assignment refused the petitioner's own request, in Chinese (its rule names are English).</summary>
    public static string RefusalText(string rule) => rule switch
    {
        "ReviewWindowPassed" => "申请期限已届满",
        "AlreadyRated" => "本件已评价",
        "CaseIsFinal" => "复核后事项已终结",
        "NothingToReview" => "当前不能申请复查",
        "RatingNeedsReply" => "答复后方可评价",
        "ReviewNeedsReasons" => "申请复查须说明理由",
        _ => "未能登记（" + rule + "）",
    };
}
