namespace Coordination.JointMeeting.Domain;

/// <summary>Joint meetings' ladder settings (JointMeeting__*).</summary>
public sealed class MeetingOptions
{
    public double ReminderFraction { get; set; } = 0.8;
    public int SupervisionWorkingDays { get; set; } = 5;
}

public static class MeetingSteps
{
    public const string Answer = "meeting_answer";
    public const string Position = "meeting_position";
    public const string ActionItem = "action_item";
}
