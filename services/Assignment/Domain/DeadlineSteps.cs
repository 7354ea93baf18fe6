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
}
