namespace Coordination.Assignment.Domain;

/// <summary>The time-limited steps the scanner watches.</summary>
public static class DeadlineSteps
{
    public const string Acknowledge = "acknowledge";
    public const string AcceptNotice = "accept_notice";
    public const string Handling = "handling";
    public const string Rehandling = "rehandling";
    public const string ReviewDecision = "review_decision";
    public const string ReReviewDecision = "rereview_decision";
    /// <summary>Not a unit's duty: when the window to ask for (re-)review passes, the case closes.</summary>
    public const string ReviewWindow = "review_window";
    /// <summary>A people's suggestion's evaluation by the department it was passed to (§18); the subject is the case.</summary>
    public const string SuggestionEvaluation = "suggestion_evaluation";
    /// <summary>An owned case's next progress note (包案, §12); the subject is the ownership file.</summary>
    public const string OwnershipProgress = "ownership_progress";
    /// <summary>A major event's first report (§11), counted in hours; its subject is the major event.</summary>
    public const string MajorEventReport = "major_event_report";
    /// <summary>Not a duty: N working days after 督办, whether the limit (its subject) is still open (accountability rule).</summary>
    public const string AccountabilityCheck = "accountability_check";
}
