namespace Coordination.Assignment.Domain;

public static class AssignmentStatus
{
    public const string Pending = "pending";
    public const string Acknowledged = "acknowledged";
    public const string ReturnRequested = "return_requested";
    public const string Returned = "returned";
    public const string Accepted = "accepted";
    public const string ReportAwaitingSignOff = "report_awaiting_sign_off";
    public const string ReportSubmitted = "report_submitted";
    public const string Approved = "approved";
    /// <summary>A transfer (转送) ends once the unit told the petitioner it accepted.</summary>
    public const string Completed = "completed";
}

