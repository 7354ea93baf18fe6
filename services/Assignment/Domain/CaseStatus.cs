namespace Coordination.Assignment.Domain;

public static class CaseStatus
{
    public const string Assigned = "assigned";
    public const string AwaitingManualRouting = "awaiting_manual_routing";
    public const string DivertedToLegal = "diverted_to_legal";
    public const string AwaitingJointMeeting = "awaiting_joint_meeting";
    public const string Replied = "replied";
    public const string ReviewRequested = "review_requested";
    public const string ReviewDecided = "review_decided";
    public const string ReReviewRequested = "rereview_requested";
    public const string Closed = "closed";
    /// <summary>A people's suggestion (§18): on the suggestion track, never routed as a complaint.</summary>
    public const string Suggestion = "suggestion";
}

public static class CaseOutcomes
{
    /// <summary>导入法定程序: never counted as resolved.</summary>
    public const string Diverted = "diverted";
}
