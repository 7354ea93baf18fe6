namespace Coordination.Intake.Domain;

/// <summary>A unit holding the case for the petitioner's view: which hand-over, what it owes and by when.</summary>
public sealed class ProgressHolder
{
    public required Guid AssignmentId { get; init; }
    public required string Unit { get; init; }
    /// <summary>One of <see cref="HolderDuties"/>.</summary>
    public required string Duty { get; set; }
    public DateTimeOffset? DueAt { get; set; }
}

public static class HolderDuties
{
    /// <summary>To sign for the hand-over (签收).</summary>
    public const string Acknowledge = "acknowledge";
    /// <summary>Signed for; to tell the petitioner it accepted the case (告知受理).</summary>
    public const string Accept = "accept";
    /// <summary>Accepted; to handle and report (办理).</summary>
    public const string Handle = "handle";
    /// <summary>The first receiver's bureau deciding a review (复查/复核).</summary>
    public const string DecideReview = "decide_review";
    /// <summary>A people's suggestion passed to the competent department (§18).</summary>
    public const string EvaluateSuggestion = "evaluate_suggestion";
}
